using TokenAdmin.Accounts;

namespace TokenAdmin.Tokens;

public sealed class ApiToken
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the secret: what verification looks up. The plaintext is never stored.</summary>
    public required byte[] SecretHash { get; set; }

    /// <summary>The secret protected by Data Protection, for "Copy token"; null in show-once mode.</summary>
    public string? EncryptedSecret { get; set; }

    public required string Last4 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedByUserId { get; set; }

    public int? CreatedByTokenId { get; set; }

    /// <summary>The creator's name when the token was made: a person's name or the creating token's name.</summary>
    public required string CreatedByName { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>Null for a token that never expires. The token is refused from this instant on.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When the token was reset: from then on it only lives out its grace window.</summary>
    public DateTimeOffset? ResetAt { get; set; }

    /// <summary>The token that replaced this one on reset.</summary>
    public int? SuccessorId { get; set; }

    /// <summary>When the expiry job recorded this token's expiry, so it records it once.</summary>
    public DateTimeOffset? ExpiryRecordedAt { get; set; }

    /// <summary>Bumped by every change, so a stale edit is refused instead of overwriting another.</summary>
    public int Version { get; set; }

    public AccountAccess Access { get; set; } = null!;

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } end && now >= end;

    public TokenState StateAt(DateTimeOffset now) =>
        IsExpiredAt(now) ? TokenState.Expired : ResetAt is not null ? TokenState.Replaced : TokenState.Active;
}
