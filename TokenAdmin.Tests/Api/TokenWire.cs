using System.Globalization;
using System.Text.Json;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;

/// <summary>Token request bodies and answers as the token endpoint tests write and read them.</summary>
public static class TokenWire
{
    public const string Absent = "(absent)";

    public static string Path(string form, IssuedToken caller, string rest) =>
        ApiPaths.For(form, caller.Token.AccountId, rest);

    /// <summary>A create body granting Viewer on the caller's account unless other resources are given.</summary>
    public static string CreateBody(
        IssuedToken caller, string name, string? expiresAt = Absent, object[]? resources = null)
    {
        var grants = resources ?? [Account(caller, AccessLevel.Viewer)];
        return expiresAt == Absent
            ? ApiCalls.Json(new { name, resources = grants })
            : ApiCalls.Json(new { name, expires_at = expiresAt, resources = grants });
    }

    public static object Account(IssuedToken caller, AccessLevel level) =>
        new { resource_type = "account", resource_id = caller.Token.AccountId, access_level = (int)level };

    public static string? Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static List<(string, int, int)> Resources(JsonElement token) =>
        [.. token.GetProperty("resources").EnumerateArray().Select(r => (
            r.GetProperty("resource_type").GetString()!,
            r.GetProperty("resource_id").GetInt32(),
            r.GetProperty("access_level").GetInt32()))];
}
