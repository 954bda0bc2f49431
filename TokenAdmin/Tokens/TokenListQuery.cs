using TokenAdmin.Accounts;

namespace TokenAdmin.Tokens;

public enum TokenSort
{
    Created,
    Name,
    Creator,
    LastUsed,
    Expires,
}

/// <summary>One page of the token list: filters, order and window.</summary>
public sealed record TokenListQuery
{
    public string? Name { get; init; }

    public string? Creator { get; init; }

    public TokenState? State { get; init; }

    /// <summary>Only tokens that reach this resource, directly or through an ancestor.</summary>
    public ResourceRef? Resource { get; init; }

    public TokenSort Sort { get; init; } = TokenSort.Created;

    public bool Descending { get; init; } = true;

    public int Skip { get; init; }

    public int Take { get; init; } = 25;
}

public sealed record TokenRow(
    int Id,
    string Name,
    string CreatedBy,
    string Access,
    string Last4,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? ResetAt,
    int? SuccessorId,
    string? SuccessorName,
    bool CanManage,
    bool CanCopy)
{
    public TokenState StateAt(DateTimeOffset now) =>
        ExpiresAt is { } end && now >= end ? TokenState.Expired
        : ResetAt is not null ? TokenState.Replaced
        : TokenState.Active;
}

public sealed record TokenPage(IReadOnlyList<TokenRow> Rows, int Total);
