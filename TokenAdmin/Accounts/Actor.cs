namespace TokenAdmin.Accounts;

/// <summary>Who is acting: a signed-in person (and, from the API, a token) with their account access.</summary>
public sealed record Actor(int AccountId, string DisplayName, string? UserId, IReadOnlyList<Grant> Grants)
{
    public int? TokenId { get; init; }

    /// <summary>The client's IP address, for the audit log.</summary>
    public string? SourceAddress { get; init; }

    /// <summary>When an acting token expires; null for people and tokens that never expire.</summary>
    public DateTimeOffset? LivesUntil { get; init; }

    public EffectiveAccess AccessIn(ResourceTree tree) => new(tree, Grants);
}
