using TokenAdmin.Accounts;

namespace TokenAdmin.Tests.Accounts;

public sealed class EffectiveAccessTests
{
    private static readonly ResourceRef Account = ResourceRef.Account(1);
    private static readonly ResourceRef Web = ResourceRef.Project(10);
    private static readonly ResourceRef WebStaging = ResourceRef.Sandbox(100);
    private static readonly ResourceRef WebDev = ResourceRef.Sandbox(101);
    private static readonly ResourceRef Billing = ResourceRef.Project(11);
    private static readonly ResourceRef BillingTest = ResourceRef.Sandbox(110);
    private static readonly ResourceRef MailDomain = ResourceRef.SendingDomain(20);

    // Acme > Web (staging, dev), Billing (test), mail.example.com: in tree order, as the loader builds it.
    private static readonly ResourceTree Tree = new(
    [
        new ResourceNode(Account, "Acme", null, 0),
        new ResourceNode(Web, "Web", Account, 1),
        new ResourceNode(WebDev, "dev", Web, 2),
        new ResourceNode(WebStaging, "staging", Web, 2),
        new ResourceNode(Billing, "Billing", Account, 1),
        new ResourceNode(BillingTest, "test", Billing, 2),
        new ResourceNode(MailDomain, "mail.example.com", Account, 1),
    ]);

    [Fact]
    public void EveryResourceIsCoveredWhenTheGrantIsOnTheAccount()
    {
        var access = AccessWith(Grant(Account, AccessLevel.Viewer));

        var levels = EveryResource.Select(access.LevelOn);

        Assert.Equal(Enumerable.Repeat(AccessLevel.Viewer, 7), levels);
    }

    [Fact]
    public void OnlyItsSandboxesAreCoveredWhenTheGrantIsOnOneProject()
    {
        var access = AccessWith(Grant(Web, AccessLevel.Admin));

        var levels = EveryResource.ToDictionary(resource => resource, access.LevelOn);

        var expected = new Dictionary<ResourceRef, AccessLevel>
        {
            [Account] = AccessLevel.None,
            [Web] = AccessLevel.Admin,
            [WebDev] = AccessLevel.Admin,
            [WebStaging] = AccessLevel.Admin,
            [Billing] = AccessLevel.None,
            [BillingTest] = AccessLevel.None,
            [MailDomain] = AccessLevel.None,
        };
        Assert.Equal(expected, levels);
    }

    [Fact]
    public void HighestLevelWinsWhenSeveralGrantsCoverTheResource()
    {
        var access = AccessWith(
            Grant(Account, AccessLevel.Viewer),
            Grant(Web, AccessLevel.Admin),
            Grant(WebStaging, AccessLevel.Viewer),
            Grant(MailDomain, AccessLevel.Viewer),
            Grant(MailDomain, AccessLevel.Admin));

        var levels = new[] { WebStaging, WebDev, BillingTest, MailDomain }.Select(access.LevelOn);

        Assert.Equal([AccessLevel.Admin, AccessLevel.Admin, AccessLevel.Viewer, AccessLevel.Admin], levels);
        Assert.True(access.Has(AccessLevel.Admin, WebStaging));
        Assert.False(access.Has(AccessLevel.Admin, BillingTest));
    }

    [Fact]
    public void ProjectIsVisibleButNotGrantedWhenOnlyOneOfItsSandboxesIsGranted()
    {
        var access = AccessWith(Grant(WebStaging, AccessLevel.Viewer));

        var visible = EveryResource.Where(access.CanSee);

        Assert.Equal([Account, Web, WebStaging], visible);
        Assert.Equal(AccessLevel.None, access.LevelOn(Web));
        Assert.False(access.Has(AccessLevel.Viewer, Web));
    }

    [Fact]
    public void NearestGrantingAncestorIsNamedWhenAccessIsInherited()
    {
        var access = AccessWith(Grant(Account, AccessLevel.Viewer), Grant(Web, AccessLevel.Admin));

        var fromWeb = access.InheritedFrom(WebStaging, AccessLevel.Admin);
        var fromAccount = access.InheritedFrom(BillingTest, AccessLevel.Viewer);
        var adminFromNowhere = access.InheritedFrom(BillingTest, AccessLevel.Admin);
        var notInheritedByGrantee = access.InheritedFrom(Web, AccessLevel.Admin);

        Assert.Equal(Web, fromWeb);
        Assert.Equal(Account, fromAccount);
        Assert.Null(adminFromNowhere);
        Assert.Null(notInheritedByGrantee);
    }

    [Fact]
    public void NothingIsReachedWhenTheResourceIsNotInTheTree()
    {
        var access = AccessWith(Grant(Account, AccessLevel.Owner));

        var level = access.LevelOn(ResourceRef.Project(99));

        Assert.Equal(AccessLevel.None, level);
        Assert.False(access.CanSee(ResourceRef.Project(99)));
    }

    private static IEnumerable<ResourceRef> EveryResource => Tree.Nodes.Select(node => node.Ref);

    private static EffectiveAccess AccessWith(params Grant[] grants) => new(Tree, grants);

    private static Grant Grant(ResourceRef resource, AccessLevel level) =>
        new() { ResourceType = resource.Type, ResourceId = resource.Id, Level = level };
}
