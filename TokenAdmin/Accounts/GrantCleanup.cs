using Microsoft.EntityFrameworkCore;
using TokenAdmin.Data;

namespace TokenAdmin.Accounts;

public static class GrantCleanup
{
    /// <summary>Removes every grant on the given resources, in the caller's unit of work.</summary>
    public static async Task RemoveGrantsOnAsync(
        this AppDbContext db, IReadOnlyCollection<ResourceRef> resources, CancellationToken cancellationToken)
    {
        foreach (var type in resources.Select(r => r.Type).Distinct())
        {
            var ids = resources.Where(r => r.Type == type).Select(r => r.Id).ToList();
            var grants = await db.Grants
                .Where(grant => grant.ResourceType == type && ids.Contains(grant.ResourceId))
                .ToListAsync(cancellationToken);
            db.Grants.RemoveRange(grants);
        }
    }
}
