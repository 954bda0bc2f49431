using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.SendingDomains;

/// <summary>
/// Finds the token a domain sends with: the oldest live, not-replaced token with Admin on the domain itself, or
/// failing that on the whole account.
/// </summary>
public sealed class DomainTokens(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<DomainToken?> FindAsync(Actor actor, int domainId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.AccountId == actor.AccountId && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Where(t => t.ResetAt == null)
            .Where(t => t.Access.Grants.Any(g => g.Level >= AccessLevel.Admin
                && ((g.ResourceType == ResourceType.SendingDomain && g.ResourceId == domainId)
                    || g.ResourceType == ResourceType.Account)))
            .OrderBy(t => t.Access.Grants.Any(g => g.ResourceType == ResourceType.SendingDomain) ? 0 : 1)
            .ThenBy(t => t.Id)
            .Select(t => new DomainToken(t.Id, t.Name, t.Last4))
            .FirstOrDefaultAsync(ct);
    }
}

public sealed record DomainToken(int Id, string Name, string Last4);
