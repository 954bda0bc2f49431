namespace TokenAdmin.Accounts;

/// <summary>
/// The one place that answers "how far does this holder reach": a grant on a resource covers all its
/// descendants, and the effective level is the highest granted on the resource or any ancestor.
/// </summary>
public sealed class EffectiveAccess(ResourceTree tree, IEnumerable<Grant> grants)
{
    private readonly Dictionary<ResourceRef, AccessLevel> _granted = grants
        .GroupBy(grant => grant.Resource)
        .ToDictionary(group => group.Key, group => group.Max(grant => grant.Level));

    public ResourceTree Tree => tree;

    public AccessLevel LevelOn(ResourceRef resource) => tree.SelfAndAncestors(resource)
        .Select(r => _granted.GetValueOrDefault(r))
        .DefaultIfEmpty(AccessLevel.None)
        .Max();

    public bool Has(AccessLevel level, ResourceRef resource) => LevelOn(resource) >= level;

    /// <summary>True when the holder reaches the resource or anything below it, so it belongs in their view.</summary>
    public bool CanSee(ResourceRef resource) =>
        tree.SelfAndDescendants(resource).Any(r => LevelOn(r) > AccessLevel.None);

    /// <summary>The grant on an ancestor that covers the resource at the given level or above, if any.</summary>
    public ResourceRef? InheritedFrom(ResourceRef resource, AccessLevel level) => tree.SelfAndAncestors(resource)
        .Skip(1)
        .Cast<ResourceRef?>()
        .FirstOrDefault(r => _granted.GetValueOrDefault(r!.Value) >= level);

    /// <summary>
    /// No escalation: a holder may grant a level on a resource only when they administer it and hold at least
    /// that level there. Viewers change nothing.
    /// </summary>
    public bool CanGrant(ResourceRef resource, AccessLevel level)
    {
        var held = LevelOn(resource);
        return held >= AccessLevel.Admin && held >= level;
    }

    /// <summary>
    /// True when the holder's access covers every grant, so they may change or remove the grants' owner. A holder
    /// left without grants (its resources were deleted) is the account's Admins' to manage, nobody else's.
    /// </summary>
    public bool CanManage(IReadOnlyCollection<Grant> grants) => grants.Count == 0
        ? CanGrant(tree.Root.Ref, AccessLevel.Admin)
        : grants.All(grant => CanGrant(grant.Resource, grant.Level));

    /// <summary>True for a Viewer (or more) of the whole account, who sees every token, person and entry.</summary>
    public bool SeesWholeAccount => Has(AccessLevel.Viewer, tree.Root.Ref);

    /// <summary>True when another holder with these grants belongs in this holder's lists.</summary>
    public bool CanSeeHolder(IEnumerable<Grant> grants) => SeesWholeAccount || CanSeeAny(grants);

    /// <summary>True when the holder reaches at least one of the grants' resources.</summary>
    public bool CanSeeAny(IEnumerable<Grant> grants) => grants.Any(grant => LevelOn(grant.Resource) > AccessLevel.None);
}
