namespace TokenAdmin.Accounts;

/// <summary>Grants in words: "Account Admin", "Admin: example.com", "Viewer: 2 sandboxes".</summary>
public static class GrantText
{
    public static string Summarize(ResourceTree tree, IReadOnlyCollection<Grant> grants)
    {
        if (grants.Count == 0)
            return "No access";
        var onAccount = grants.Where(g => g.ResourceType == ResourceType.Account).MaxBy(g => g.Level);
        var accountLevel = onAccount?.Level ?? AccessLevel.None;

        // Grants below an Account Viewer grant still matter when they are stronger: never understate a token.
        var below = grants
            .Where(grant => grant.ResourceType != ResourceType.Account && grant.Level > accountLevel)
            .GroupBy(grant => grant.Level)
            .OrderByDescending(group => group.Key)
            .Select(group => $"{group.Key}: {Resources(tree, group.ToList())}");
        return string.Join(", ", onAccount is null ? below : below.Prepend($"Account {onAccount.Level}"));
    }

    /// <summary>Every grant by name, for the audit log.</summary>
    public static string Describe(ResourceTree tree, IEnumerable<Grant> grants) => string.Join(", ", grants
        .Select(grant => $"{grant.Level} on {TypeName(grant.ResourceType)} {tree.Find(grant.Resource)?.Name ?? "?"}"));

    private static string Resources(ResourceTree tree, List<Grant> grants)
    {
        if (grants.Count == 1)
            return tree.Find(grants[0].Resource)?.Name ?? "a deleted resource";
        var types = grants.Select(grant => grant.ResourceType).Distinct().ToList();
        return types.Count == 1 ? $"{grants.Count} {Plural(types[0])}" : $"{grants.Count} resources";
    }

    private static string TypeName(ResourceType type) => type switch
    {
        ResourceType.SendingDomain => "sending domain",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string Plural(ResourceType type) => type switch
    {
        ResourceType.Project => "projects",
        ResourceType.Sandbox => "sandboxes",
        _ => "sending domains",
    };
}
