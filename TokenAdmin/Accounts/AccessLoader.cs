using Microsoft.EntityFrameworkCore;
using TokenAdmin.Data;

namespace TokenAdmin.Accounts;

public static class AccessLoader
{
    /// <summary>
    /// The actor's access in the account's current tree. A person's grants are read again here, so a change or a
    /// removal applies to their very next action, even from a page opened before it; a token's grants are already
    /// fresh for every request.
    /// </summary>
    public static async Task<EffectiveAccess> LoadAccessAsync(
        this AppDbContext db, Actor actor, CancellationToken cancellationToken = default)
    {
        var tree = await db.LoadResourceTreeAsync(actor.AccountId, cancellationToken);
        if (actor.UserId is null)
            return actor.AccessIn(tree);

        var grants = await db.Grants.AsNoTracking()
            .Where(grant => db.AccountAccesses.Any(access => access.Id == grant.AccountAccessId
                && access.UserId == actor.UserId && access.AccountId == actor.AccountId))
            .ToListAsync(cancellationToken);
        return new EffectiveAccess(tree, grants);
    }
}
