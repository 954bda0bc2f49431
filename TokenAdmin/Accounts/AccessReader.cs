using Microsoft.EntityFrameworkCore;
using TokenAdmin.Data;

namespace TokenAdmin.Accounts;

/// <summary>Reads what an actor reaches in their account's current resource tree.</summary>
public sealed class AccessReader(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<EffectiveAccess> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.LoadAccessAsync(actor, cancellationToken);
    }
}
