using System.Text.Json.Serialization;
using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.Api.Wire;

/// <summary>A token as the wire shows it; <see cref="Token"/> (the secret) only in create and reset answers.</summary>
public sealed record TokenObject(
    int Id,
    string Name,
    [property: JsonPropertyName("last_4_digits")] string Last4Digits,
    string CreatedBy,
    string? ExpiresAt,
    IReadOnlyList<ResourceObject> Resources)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; init; }

    public static TokenObject From(ApiToken token) => new(
        token.Id, token.Name, token.Last4, token.CreatedByName, ApiJson.Instant(token.ExpiresAt),
        [.. token.Access.Grants.Select(grant => ResourceObject.From(grant.Resource, grant.Level))]);

    public static TokenObject From(VerifiedToken token) => new(
        token.Id, token.Name, token.Last4, token.CreatedByName, ApiJson.Instant(token.ExpiresAt),
        [.. token.Grants.Select(grant => ResourceObject.From(grant.Resource, grant.Level))]);

    public static TokenObject Issued(IssuedToken issued) => From(issued.Token) with { Token = issued.Secret };
}

public sealed record ResourceObject(string ResourceType, int ResourceId, int AccessLevel)
{
    public static ResourceObject From(ResourceRef resource, AccessLevel level) =>
        new(WireValues.ResourceTypeName(resource.Type), resource.Id, (int)level);
}
