namespace TokenAdmin.Accounts;

public static class GrantValidation
{
    public const string NoneChosen = "Choose at least one permission.";

    /// <summary>
    /// Checks requested grants against the tree and the granter's own access, and drops the ones an ancestor's
    /// grant already covers.
    /// </summary>
    public static Outcome<IReadOnlyList<GrantRequest>> Validate(
        EffectiveAccess granter, IEnumerable<GrantRequest> requested)
    {
        var strongest = requested
            .GroupBy(grant => grant.Resource)
            .Select(group => new GrantRequest(group.Key, group.Max(grant => grant.Level)))
            .ToList();
        if (strongest.Count == 0)
            return Outcome<IReadOnlyList<GrantRequest>>.Fail(NoneChosen);

        foreach (var grant in strongest)
        {
            if (grant.Level is not (AccessLevel.Admin or AccessLevel.Viewer))
                return Outcome<IReadOnlyList<GrantRequest>>.Fail("Access level must be Admin or Viewer.");
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
}
