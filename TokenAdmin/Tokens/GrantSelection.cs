using TokenAdmin.Accounts;

namespace TokenAdmin.Tokens;

/// <summary>
/// The state behind the permission grid: the levels picked per resource, what ancestors' picks imply below them,
/// and which boxes the granter may not touch.
/// </summary>
public sealed class GrantSelection(EffectiveAccess granter, IEnumerable<Grant>? initial = null)
{
    private readonly Dictionary<ResourceRef, AccessLevel> _picked =
        (initial ?? []).ToDictionary(grant => grant.Resource, grant => grant.Level);

    public IEnumerable<ResourceNode> Rows => granter.Tree.Nodes.Where(node => granter.CanSee(node.Ref));

    public bool IsEmpty => Requests().Count == 0;

    public AccessLevel Picked(ResourceRef resource) => _picked.GetValueOrDefault(resource);

    public AccessLevel Inherited(ResourceRef resource) => granter.Tree.SelfAndAncestors(resource)
        .Skip(1)
        .Select(Picked)
        .DefaultIfEmpty(AccessLevel.None)
        .Max();

    public bool IsChecked(ResourceRef resource, AccessLevel level) =>
        Picked(resource) >= level || Inherited(resource) >= level;

    public bool IsLocked(ResourceRef resource, AccessLevel level) =>
        Inherited(resource) >= level
        || (level == AccessLevel.Viewer && Picked(resource) >= AccessLevel.Admin)
        || !granter.CanGrant(resource, level);

    public string? Hint(ResourceRef resource)
    {
        var inherited = Inherited(resource);
        if (inherited > AccessLevel.None)
        {
            var from = granter.Tree.SelfAndAncestors(resource).Skip(1).First(r => Picked(r) == inherited);
            return $"{inherited} through {granter.Tree.Find(from)!.Name}";
        }
        return granter.CanGrant(resource, AccessLevel.Viewer) ? null : "Beyond your access";
    }

    public void Set(ResourceRef resource, AccessLevel level, bool on)
    {
        if (IsLocked(resource, level))
            return;
        if (on)
            _picked[resource] = level;
        else
            _picked.Remove(resource);
    }

    /// <summary>The picks that still add something once ancestors' picks are counted.</summary>
    public IReadOnlyList<GrantRequest> Requests() => _picked
        .Where(pick => pick.Value > Inherited(pick.Key))
        .Select(pick => new GrantRequest(pick.Key, pick.Value))
        .ToList();
}
