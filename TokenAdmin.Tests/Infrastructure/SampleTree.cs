using TokenAdmin.Accounts;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// A small resource tree for tests without a database: account Acme; projects Alpha (two sandboxes) and Beta
/// (one sandbox); sending domains example.com and example.org.
/// </summary>
public static class SampleTree
{
    public static readonly ResourceRef Acme = ResourceRef.Account(1);
    public static readonly ResourceRef Alpha = ResourceRef.Project(10);
    public static readonly ResourceRef AlphaInbox = ResourceRef.Sandbox(100);
    public static readonly ResourceRef AlphaStaging = ResourceRef.Sandbox(101);
    public static readonly ResourceRef Beta = ResourceRef.Project(11);
    public static readonly ResourceRef BetaInbox = ResourceRef.Sandbox(110);
    public static readonly ResourceRef ExampleCom = ResourceRef.SendingDomain(20);
    public static readonly ResourceRef ExampleOrg = ResourceRef.SendingDomain(21);

    public static readonly ResourceTree Tree = new(
    [
        new ResourceNode(Acme, "Acme", null, 0),
        new ResourceNode(Alpha, "Alpha", Acme, 1),
        new ResourceNode(AlphaInbox, "Alpha inbox", Alpha, 2),
        new ResourceNode(AlphaStaging, "Alpha staging", Alpha, 2),
        new ResourceNode(Beta, "Beta", Acme, 1),
        new ResourceNode(BetaInbox, "Beta inbox", Beta, 2),
        new ResourceNode(ExampleCom, "example.com", Acme, 1),
        new ResourceNode(ExampleOrg, "example.org", Acme, 1),
    ]);

    public static EffectiveAccess AccessOf(params Grant[] grants) => new(Tree, grants);

    public static Grant Admin(ResourceRef resource) => Make(resource, AccessLevel.Admin);

    public static Grant Viewer(ResourceRef resource) => Make(resource, AccessLevel.Viewer);

    public static Grant Owner(ResourceRef resource) => Make(resource, AccessLevel.Owner);

    public static Grant Make(ResourceRef resource, AccessLevel level) =>
        new() { ResourceType = resource.Type, ResourceId = resource.Id, Level = level };
}
