using System.Globalization;
using System.Text.Json;

namespace TokenAdmin.Api;

public static class ApiJson
{
    /// <summary>The wire's snake_case names; nulls are written, since <c>expires_at: null</c> means "never".</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>An instant as the wire writes it: ISO 8601 in UTC with milliseconds.</summary>
    public static string? Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
