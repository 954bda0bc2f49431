using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.SendingDomains;

/// <summary>Finds the token a domain sends with: the oldest active token granted Admin on it directly.</summary>
public sealed class DomainTokens(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<DomainToken?> FindAsync(Actor actor, int domainId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.AccountId == actor.AccountId && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Where(t => t.Access.Grants.Any(g => g.ResourceType == ResourceType.SendingDomain
                && g.ResourceId == domainId && g.Level >= AccessLevel.Admin))
            .OrderBy(t => t.Id)
            .Select(t => new DomainToken(t.Id, t.Name, t.Last4))
            .FirstOrDefaultAsync(ct);
    }
}

public sealed record DomainToken(int Id, string Name, string Last4);
