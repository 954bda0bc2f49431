using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.Tokens;

/// <summary>
/// Keeps every sending domain reachable: the last token holding Admin on it that will not expire must stay.
/// Tokens that expire do not count, or a domain could be left to run out of tokens on its own.
/// </summary>
public static class DomainTokenGuard
{
    /// <summary>
    /// The name of a domain that would be left without an active Admin token if the token's grants became
    /// <paramref name="newGrants"/> (empty for a delete); null when the change is safe. Call it inside the
    /// change's transaction, so two concurrent changes cannot both pass.
    /// </summary>
    public static async Task<string?> FindOrphanedDomainAsync(
        this AppDbContext db, ResourceTree tree, ApiToken token, IReadOnlyCollection<Grant> newGrants,
        DateTimeOffset now, CancellationToken ct)
    {
        // An expired token keeps no domain reachable, so removing it or its grants cannot orphan one.
        if (token.IsExpiredAt(now))
            return null;

        var before = new EffectiveAccess(tree, token.Access.Grants);
        var after = new EffectiveAccess(tree, newGrants);
        var losing = tree.Nodes
            .Where(node => node.Ref.Type == ResourceType.SendingDomain)
            .Where(node => before.Has(AccessLevel.Admin, node.Ref) && !after.Has(AccessLevel.Admin, node.Ref))
            .ToList();
        if (losing.Count == 0)
            return null;

        var covered = await OtherAdminGrantsAsync(db, token, losing.Select(node => node.Ref.Id).ToList(), ct);
        if (covered.Contains(ResourceRef.Account(token.AccountId)))
            return null;
        return losing.FirstOrDefault(node => !covered.Contains(node.Ref))?.Name;
    }

    private static async Task<HashSet<ResourceRef>> OtherAdminGrantsAsync(
        AppDbContext db, ApiToken token, List<int> domainIds, CancellationToken ct)
    {
        var activeOtherTokens = db.ApiTokens
            .Where(t => t.AccountId == token.AccountId && t.Id != token.Id)
            .Where(t => t.ExpiresAt == null && t.ResetAt == null)
            .Select(t => t.Access.Id);
        var grants = await db.Grants
            .Where(g => activeOtherTokens.Contains(g.AccountAccessId) && g.Level >= AccessLevel.Admin)
            .Where(g => (g.ResourceType == ResourceType.Account && g.ResourceId == token.AccountId)
                || (g.ResourceType == ResourceType.SendingDomain && domainIds.Contains(g.ResourceId)))
            .Select(g => new { g.ResourceType, g.ResourceId })
            .ToListAsync(ct);
        return grants.Select(g => new ResourceRef(g.ResourceType, g.ResourceId)).ToHashSet();
    }
}
