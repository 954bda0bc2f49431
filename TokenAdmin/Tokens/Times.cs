using System.Globalization;

namespace TokenAdmin.Tokens;

/// <summary>How the token list writes instants and states: UTC, to the minute.</summary>
public static class Times
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Status(TokenRow token, DateTimeOffset now) => token.State switch
    {
        TokenState.Expired => "Expired",
        _ when token.ExpiresAt is { } end => $"Active until {Format(end)}",
        _ => "Active",
    };
}
