using System.Linq.Expressions;

namespace TokenAdmin.Accounts;

public static class GrantFilters
{
    /// <summary>A translatable test "the grant is on one of these resources".</summary>
    public static Expression<Func<Grant, bool>> OnAnyOf(IEnumerable<ResourceRef> resources)
    {
        var list = resources.ToList();
        var accounts = IdsOf(list, ResourceType.Account);
        var projects = IdsOf(list, ResourceType.Project);
        var sandboxes = IdsOf(list, ResourceType.Sandbox);
        var domains = IdsOf(list, ResourceType.SendingDomain);
        return grant =>
            (grant.ResourceType == ResourceType.Account && accounts.Contains(grant.ResourceId))
            || (grant.ResourceType == ResourceType.Project && projects.Contains(grant.ResourceId))
            || (grant.ResourceType == ResourceType.Sandbox && sandboxes.Contains(grant.ResourceId))
            || (grant.ResourceType == ResourceType.SendingDomain && domains.Contains(grant.ResourceId));
    }

    private static List<int> IdsOf(List<ResourceRef> resources, ResourceType type) =>
        resources.Where(r => r.Type == type).Select(r => r.Id).ToList();
}
