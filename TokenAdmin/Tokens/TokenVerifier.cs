using Microsoft.EntityFrameworkCore;
using TokenAdmin.Data;

namespace TokenAdmin.Tokens;

/// <summary>
/// Answers "is this secret a live token": malformed values are refused by format and checksum before any
/// database work; the rest are looked up by hash and must satisfy now &lt; expires_at, whatever the jobs did.
/// </summary>
public sealed class TokenVerifier(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<VerifiedToken?> VerifyAsync(string? secret, CancellationToken ct = default)
    {
        if (secret is null || !TokenSecret.IsWellFormed(secret))
            return null;

        var hash = TokenSecret.Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.SecretHash == hash)
            .Select(t => new VerifiedToken(t.Id, t.AccountId, t.Name, t.ExpiresAt))
            .SingleOrDefaultAsync(ct);
        return token is not null && token.IsLiveAt(clock.GetUtcNow()) ? token : null;
    }
}

public sealed record VerifiedToken(int Id, int AccountId, string Name, DateTimeOffset? ExpiresAt)
{
    public bool IsLiveAt(DateTimeOffset now) => ExpiresAt is not { } end || now < end;
}
