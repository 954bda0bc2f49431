using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.Tokens;

/// <summary>
/// Answers "is this secret a live token": malformed values are refused by format and checksum before any
/// database work; the rest are looked up by hash (in memory after the first time) and must satisfy
/// now &lt; expires_at, whatever the jobs did.
/// </summary>
public sealed class TokenVerifier(
    IDbContextFactory<AppDbContext> dbFactory,
    VerifiedTokenCache cache,
    TimeProvider clock)
{
    public async ValueTask<VerifiedToken?> VerifyAsync(string? secret, CancellationToken ct = default)
    {
        if (secret is null || !TokenSecret.HasShape(secret))
            return null;

        var hash = SecretHash.Of(secret);
        var now = clock.GetUtcNow();
        if (cache.TryGet(hash, out var cached))
            return cached.IsLiveAt(now) ? cached : null;

        // The checksum costs a second hash, so it is checked only on the way to the database: the cache holds
        // issued secrets alone, which all carry a valid one.
        if (!TokenSecret.IsWellFormed(secret))
            return null;
        var generation = cache.Generation;
        var token = await LoadAsync(hash, ct);
        if (token is null || !token.IsLiveAt(now))
            return null;
        cache.Add(hash, token, generation);
        return token;
    }

    private async Task<VerifiedToken?> LoadAsync(SecretHash hash, CancellationToken ct)
    {
        var bytes = hash.ToBytes();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.AsNoTracking()
            .Include(t => t.Access).ThenInclude(a => a.Grants)
            .SingleOrDefaultAsync(t => t.SecretHash == bytes, ct);
        return token is null ? null : VerifiedToken.From(token);
    }
}

/// <summary>What the API needs of a verified token, kept in memory between requests.</summary>
public sealed record VerifiedToken(
    int Id,
    int AccountId,
    string Name,
    string Last4,
    string CreatedByName,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<GrantRequest> Grants,
    bool IsReplaced = false)
{
    public bool IsLiveAt(DateTimeOffset now) => ExpiresAt is not { } end || now < end;

    public Actor ToActor(string? sourceAddress) =>
        new(AccountId, Name, UserId: null, [.. Grants.Select(grant => grant.ToGrant())])
        {
            TokenId = Id,
            SourceAddress = sourceAddress,
            LivesUntil = ExpiresAt,
        };

    public static VerifiedToken From(ApiToken token) => new(
        token.Id, token.AccountId, token.Name, token.Last4, token.CreatedByName, token.ExpiresAt,
        [.. token.Access.Grants.Select(grant => new GrantRequest(grant.Resource, grant.Level))],
        IsReplaced: token.ResetAt is not null);
}
