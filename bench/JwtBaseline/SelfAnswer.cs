using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;

namespace JwtBaseline;

/// <summary>The same JSON shape as TokenAdmin's <c>GET /api/api_tokens/self</c>, built from the JWT's claims.</summary>
public sealed record SelfAnswer(
    int Id,
    string Name,
    [property: JsonPropertyName("last_4_digits")] string Last4Digits,
    string CreatedBy,
    string? ExpiresAt,
    IReadOnlyList<GrantAnswer> Resources)
{
    public static SelfAnswer From(ClaimsPrincipal user) => new(
        int.Parse(user.FindFirst("sub")!.Value, CultureInfo.InvariantCulture),
        user.FindFirst("name")!.Value,
        user.FindFirst("last4")!.Value,
        user.FindFirst("created_by")!.Value,
        BaselineTokens.ExpiresAt(user),
        [.. user.FindAll("grant").Select(claim => GrantAnswer.Parse(claim.Value))]);
}

public sealed record GrantAnswer(string ResourceType, int ResourceId, int AccessLevel)
{
    /// <summary>Reads <c>type:id:level</c>.</summary>
    public static GrantAnswer Parse(string grant)
    {
        var parts = grant.Split(':');
        var id = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return new GrantAnswer(parts[0], id, int.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
