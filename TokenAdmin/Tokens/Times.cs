using System.Globalization;

namespace TokenAdmin.Tokens;

/// <summary>How the token list writes instants and states: UTC, to the minute.</summary>
public static class Times
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Status(TokenRow token, DateTimeOffset now) => token.StateAt(now) switch
    {
        TokenState.Expired => "Expired",
        TokenState.Replaced => $"Expires in {Remaining(token.ExpiresAt!.Value - now)}",
        _ when token.ExpiresAt is { } end => $"Active until {Format(end)}",
        _ => "Active",
    };

    /// <summary>"11 h 58 min", "3 d 4 h", "42 min", "less than a minute".</summary>
    public static string Remaining(TimeSpan left) => left switch
    {
        { TotalDays: >= 1 } => $"{(int)left.TotalDays} d {left.Hours} h",
        { TotalHours: >= 1 } => $"{(int)left.TotalHours} h {left.Minutes} min",
        { TotalMinutes: >= 1 } => $"{(int)left.TotalMinutes} min",
        _ => "less than a minute",
    };
}
