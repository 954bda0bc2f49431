using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenAdmin.Api;

public static class ApiJson
{
    /// <summary>The wire's snake_case names; nulls are written, since <c>expires_at: null</c> means "never".</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions());

    /// <summary>Also applied to the framework's JSON options, so the OpenAPI document names fields the same.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.NumberHandling = JsonNumberHandling.Strict;
        // Names and messages are written as they are (not as \u0027 escapes); the body is JSON, not HTML.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }

    /// <summary>An instant as the wire writes it: ISO 8601 in UTC with milliseconds.</summary>
    public static string? Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
