using TokenAdmin.Accounts;
using static TokenAdmin.Tests.Infrastructure.SampleTree;

namespace TokenAdmin.Tests.Accounts;

public sealed class GrantTextTests
{
    [Fact]
    public void SummaryIsAccountAdminWhenAdminIsGrantedOnTheAccount()
    {
        Grant[] grants = [Admin(Acme)];

        var summary = GrantText.Summarize(Tree, grants);

        Assert.Equal("Account Admin", summary);
    }

    [Fact]
    public void SummaryNamesTheDomainWhenAdminIsGrantedOnOneDomain()
    {
        Grant[] grants = [Admin(ExampleCom)];

        var summary = GrantText.Summarize(Tree, grants);

        Assert.Equal("Admin: example.com", summary);
    }

    [Fact]
    public void SummaryCountsSandboxesWhenViewerIsGrantedOnTwo()
    {
        Grant[] grants = [Viewer(AlphaInbox), Viewer(BetaInbox)];

        var summary = GrantText.Summarize(Tree, grants);

        Assert.Equal("Viewer: 2 sandboxes", summary);
    }

    [Fact]
    public void SummaryListsStrongestLevelFirstWhenLevelsAndTypesMix()
    {
        Grant[] grants = [Viewer(AlphaInbox), Admin(Beta), Viewer(ExampleOrg)];

        var summary = GrantText.Summarize(Tree, grants);

        Assert.Equal("Admin: Beta, Viewer: 2 resources", summary);
    }

    [Fact]
    public void SummaryShowsStrongerGrantsBelowWhenTheAccountGrantIsOnlyViewer()
    {
        Grant[] grants = [Viewer(Acme), Admin(Alpha), Viewer(BetaInbox)];

        var summary = GrantText.Summarize(Tree, grants);

        Assert.Equal("Account Viewer, Admin: Alpha", summary);
    }

    [Fact]
    public void SummaryIsAccountAdminAloneWhenGrantsBelowAddNothing()
    {
        Grant[] grants = [Admin(Alpha), Admin(Acme), Viewer(ExampleCom)];

        var summary = GrantText.Summarize(Tree, grants);

        Assert.Equal("Account Admin", summary);
    }

    [Fact]
    public void SummarySaysNoAccessWhenThereIsNoGrant()
    {
        Grant[] grants = [];

        var summary = GrantText.Summarize(Tree, grants);

        Assert.Equal("No access", summary);
    }

    [Fact]
    public void DescriptionNamesEveryGrantWhenWrittenForTheAuditLog()
    {
        Grant[] grants = [Admin(ExampleCom), Viewer(Alpha), Viewer(AlphaInbox)];

        var description = GrantText.Describe(Tree, grants);

        Assert.Equal(
            "Admin on sending domain example.com, Viewer on project Alpha, Viewer on sandbox Alpha inbox",
            description);
    }
}
