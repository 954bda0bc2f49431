using TokenAdmin.Accounts;
using TokenAdmin.Tokens;
using static TokenAdmin.Tests.Infrastructure.SampleTree;

namespace TokenAdmin.Tests.Tokens;

public sealed class GrantSelectionTests
{
    private const string Beyond = "Beyond your access";

    private static readonly RowState Free = new(false, false, false, false, null);

    [Fact]
    public void ViewerIsCheckedAndLockedWhenAdminIsPickedOnTheSameRow()
    {
        var selection = new GrantSelection(AccessOf(Owner(Acme)));

        selection.Set(Alpha, AccessLevel.Admin, on: true);
        selection.Set(Alpha, AccessLevel.Viewer, on: false);

        Assert.Equal(new RowState(true, false, true, true, null), StateOf(selection, Alpha));
        Assert.Equal([new GrantRequest(Alpha, AccessLevel.Admin)], selection.Requests());
    }

    [Fact]
    public void EveryRowBelowIsLockedWithAHintNamingTheAccountWhenAdminIsPickedOnTheAccount()
    {
        var selection = new GrantSelection(AccessOf(Owner(Acme)));

        selection.Set(Acme, AccessLevel.Admin, on: true);

        var inherited = new RowState(true, true, true, true, "Admin through Acme");
        Assert.Equal(
            [
                ("Acme", new RowState(true, false, true, true, null)),
                ("Alpha", inherited),
                ("Alpha inbox", inherited),
                ("Alpha staging", inherited),
                ("Beta", inherited),
                ("Beta inbox", inherited),
                ("example.com", inherited),
                ("example.org", inherited),
            ],
            StatesOf(selection));
    }

    [Fact]
    public void RowsBelowShowInheritedViewerAndStayOpenForAdminWhenViewerIsPickedOnTheAccount()
    {
        var selection = new GrantSelection(AccessOf(Owner(Acme)));

        selection.Set(Acme, AccessLevel.Viewer, on: true);

        var inherited = new RowState(false, false, true, true, "Viewer through Acme");
        Assert.Equal(
            [
                ("Acme", new RowState(false, false, true, false, null)),
                ("Alpha", inherited),
                ("Alpha inbox", inherited),
                ("Alpha staging", inherited),
                ("Beta", inherited),
                ("Beta inbox", inherited),
                ("example.com", inherited),
                ("example.org", inherited),
            ],
            StatesOf(selection));
    }

    [Fact]
    public void OnlyTheProjectsSandboxesAreLockedWhenAdminIsPickedOnAProject()
    {
        var selection = new GrantSelection(AccessOf(Owner(Acme)));

        selection.Set(Alpha, AccessLevel.Admin, on: true);

        var inherited = new RowState(true, true, true, true, "Admin through Alpha");
        Assert.Equal(
            [
                ("Acme", Free),
                ("Alpha", new RowState(true, false, true, true, null)),
                ("Alpha inbox", inherited),
                ("Alpha staging", inherited),
                ("Beta", Free),
                ("Beta inbox", Free),
                ("example.com", Free),
                ("example.org", Free),
            ],
            StatesOf(selection));
    }

    [Fact]
    public void RowsBeyondTheGrantersAccessAreLockedWhenTheGranterAdministersOneProject()
    {
        var selection = new GrantSelection(AccessOf(Admin(Alpha)));

        selection.Set(Acme, AccessLevel.Admin, on: true);
        selection.Set(Acme, AccessLevel.Viewer, on: true);

        Assert.Equal(
            [
                ("Acme", new RowState(false, true, false, true, Beyond)),
                ("Alpha", Free),
                ("Alpha inbox", Free),
                ("Alpha staging", Free),
            ],
            StatesOf(selection));
        Assert.Equal([], selection.Requests());
    }

    [Fact]
    public void RowsOutsideTheAdministeredProjectAreLockedWhenTheGranterOnlyViewsTheAccount()
    {
        var selection = new GrantSelection(AccessOf(Viewer(Acme), Admin(Beta)));

        selection.Set(Alpha, AccessLevel.Viewer, on: true);

        var beyond = new RowState(false, true, false, true, Beyond);
        Assert.Equal(
            [
                ("Acme", beyond),
                ("Alpha", beyond),
                ("Alpha inbox", beyond),
                ("Alpha staging", beyond),
                ("Beta", Free),
                ("Beta inbox", Free),
                ("example.com", beyond),
                ("example.org", beyond),
            ],
            StatesOf(selection));
        Assert.Equal([], selection.Requests());
    }

    [Fact]
    public void RequestsDropPicksCoveredByAnAncestorWhenTheAncestorIsPickedLater()
    {
        var selection = new GrantSelection(AccessOf(Owner(Acme)));
        selection.Set(AlphaInbox, AccessLevel.Viewer, on: true);
        selection.Set(AlphaStaging, AccessLevel.Admin, on: true);
        selection.Set(ExampleCom, AccessLevel.Viewer, on: true);

        selection.Set(Alpha, AccessLevel.Viewer, on: true);

        Assert.Equal(
            [
                new GrantRequest(Alpha, AccessLevel.Viewer),
                new GrantRequest(AlphaStaging, AccessLevel.Admin),
                new GrantRequest(ExampleCom, AccessLevel.Viewer),
            ],
            Sorted(selection.Requests()));
    }

    [Fact]
    public void RequestsHoldOnlyTheAccountWhenAdminOnTheAccountCoversEveryEarlierPick()
    {
        var selection = new GrantSelection(
            AccessOf(Owner(Acme)), [Viewer(AlphaInbox), Admin(Beta), Admin(ExampleOrg)]);

        selection.Set(Acme, AccessLevel.Admin, on: true);

        Assert.Equal([new GrantRequest(Acme, AccessLevel.Admin)], selection.Requests());
        Assert.False(selection.IsEmpty);
    }

    private static List<(string Name, RowState State)> StatesOf(GrantSelection selection) =>
        selection.Rows.Select(row => (row.Name, StateOf(selection, row.Ref))).ToList();

    private static RowState StateOf(GrantSelection selection, ResourceRef resource) => new(
        selection.IsChecked(resource, AccessLevel.Admin),
        selection.IsLocked(resource, AccessLevel.Admin),
        selection.IsChecked(resource, AccessLevel.Viewer),
        selection.IsLocked(resource, AccessLevel.Viewer),
        selection.Hint(resource));

    private static List<GrantRequest> Sorted(IEnumerable<GrantRequest> requests) =>
        requests.OrderBy(request => request.Resource.Type).ThenBy(request => request.Resource.Id).ToList();

    private sealed record RowState(
        bool AdminChecked, bool AdminLocked, bool ViewerChecked, bool ViewerLocked, string? Hint);
}
