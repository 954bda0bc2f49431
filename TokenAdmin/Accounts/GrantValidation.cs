namespace TokenAdmin.Accounts;

public static class GrantValidation
{
    public const string NoneChosen = "Choose at least one permission.";

    /// <summary>
    /// Checks requested grants against the tree and the granter's own access, and drops the ones an ancestor's
    /// grant already covers.
    /// </summary>
    /// <param name="forPerson">People may also be Owner of the account; tokens never.</param>
    public static Outcome<IReadOnlyList<GrantRequest>> Validate(
        EffectiveAccess granter, IEnumerable<GrantRequest> requested, bool forPerson = false)
    {
        var strongest = requested
            .GroupBy(grant => grant.Resource)
            .Select(group => new GrantRequest(group.Key, group.Max(grant => grant.Level)))
            .ToList();
        if (strongest.Count == 0)
            return Outcome<IReadOnlyList<GrantRequest>>.Fail(NoneChosen);

        foreach (var grant in strongest)
        {
            if (!IsGrantable(grant, granter.Tree, forPerson))
                return Outcome<IReadOnlyList<GrantRequest>>.Fail(forPerson
                    ? "Access level must be Admin or Viewer, or Owner of the whole account."
                    : "Access level must be Admin or Viewer.");
            if (!granter.Tree.Contains(grant.Resource))
                return Outcome<IReadOnlyList<GrantRequest>>.Fail("A chosen resource does not exist. Reload the page.");
            if (!granter.CanGrant(grant.Resource, grant.Level))
                return Outcome<IReadOnlyList<GrantRequest>>.Fail(
                    $"You cannot grant {grant.Level} on " +
                    $"{granter.Tree.Find(grant.Resource)!.Name}: it is more than you hold.", RefusalKind.Forbidden);
        }

        var requestedAccess = new EffectiveAccess(granter.Tree, strongest.Select(grant => grant.ToGrant()));
        var needed = strongest
            .Where(grant => requestedAccess.InheritedFrom(grant.Resource, grant.Level) is null)
            .ToList();
        return Outcome<IReadOnlyList<GrantRequest>>.Success(needed);
    }

    private static bool IsGrantable(GrantRequest grant, ResourceTree tree, bool forPerson) =>
        grant.Level is AccessLevel.Admin or AccessLevel.Viewer
        || (forPerson && grant.Level == AccessLevel.Owner && grant.Resource == tree.Root.Ref);
}
