namespace TokenAdmin.Accounts;

/// <summary>
/// A snapshot of one account's resources in tree order: the account, each project followed by its
/// sandboxes, then the sending domains.
/// </summary>
public sealed class ResourceTree
{
    private readonly Dictionary<ResourceRef, ResourceNode> _byRef;

    public ResourceTree(IReadOnlyList<ResourceNode> nodes)
    {
        Nodes = nodes;
        _byRef = nodes.ToDictionary(node => node.Ref);
    }

    public IReadOnlyList<ResourceNode> Nodes { get; }

    public ResourceNode Root => Nodes[0];

    public bool Contains(ResourceRef resource) => _byRef.ContainsKey(resource);

    public ResourceNode? Find(ResourceRef resource) => _byRef.GetValueOrDefault(resource);

    /// <summary>The resource itself, then its parent, up to the account; empty when it is not in the tree.</summary>
    public IEnumerable<ResourceRef> SelfAndAncestors(ResourceRef resource)
    {
        for (var node = Find(resource); node is not null; node = node.Parent is { } parent ? Find(parent) : null)
            yield return node.Ref;
    }

    public IEnumerable<ResourceRef> SelfAndDescendants(ResourceRef resource) =>
        Nodes.Where(node => SelfAndAncestors(node.Ref).Contains(resource)).Select(node => node.Ref);
}
