using TokenAdmin.Accounts;
using static TokenAdmin.Tests.Infrastructure.SampleTree;

namespace TokenAdmin.Tests.Accounts;

public sealed class GrantValidationTests
{
    private static readonly AccessLevel[] Levels = [AccessLevel.Admin, AccessLevel.Viewer];

    [Fact]
    public void RefusedWithChooseAtLeastOnePermissionWhenNoGrantIsRequested()
    {
        var granter = AccessOf(Owner(Acme));

        var outcome = GrantValidation.Validate(granter, []);

        Assert.Equal("Choose at least one permission.", outcome.Error);
        Assert.Null(outcome.Value);
    }

    [Fact]
    public void EveryGrantIsRefusedWhenTheGranterOnlyViewsOneProject()
    {
        var granter = AccessOf(Viewer(Alpha));
        var everyGrant = Tree.Nodes.SelectMany(node => Levels.Select(level => (node, level))).ToList();

        var errors = everyGrant
            .Select(pair => GrantValidation.Validate(granter, [new GrantRequest(pair.node.Ref, pair.level)]).Error)
            .ToList();

        Assert.Equal(
            everyGrant.Select(pair => $"You cannot grant {pair.level} on {pair.node.Name}: it is more than you hold."),
            errors);
    }

    [Theory]
    [MemberData(nameof(OutsideAlpha))]
    public void RefusedWhenAnAdminOfOneProjectGrantsOutsideIt(ResourceType type, int id, AccessLevel level, string name)
    {
        var granter = AccessOf(Admin(Alpha));
        var requested = new[] { new GrantRequest(Alpha, AccessLevel.Admin), new GrantRequest(new(type, id), level) };

        var outcome = GrantValidation.Validate(granter, requested);

        Assert.Equal($"You cannot grant {level} on {name}: it is more than you hold.", outcome.Error);
    }

    public static TheoryData<ResourceType, int, AccessLevel, string> OutsideAlpha => new()
    {
        { ResourceType.Project, Beta.Id, AccessLevel.Admin, "Beta" },
        { ResourceType.Project, Beta.Id, AccessLevel.Viewer, "Beta" },
        { ResourceType.Sandbox, BetaInbox.Id, AccessLevel.Viewer, "Beta inbox" },
        { ResourceType.Account, Acme.Id, AccessLevel.Admin, "Acme" },
        { ResourceType.Account, Acme.Id, AccessLevel.Viewer, "Acme" },
        { ResourceType.SendingDomain, ExampleCom.Id, AccessLevel.Viewer, "example.com" },
    };

    [Fact]
    public void AcceptedWhenAnAdminOfOneProjectGrantsInsideIt()
    {
        var granter = AccessOf(Admin(Alpha));
        GrantRequest[] requested = [new(AlphaInbox, AccessLevel.Admin), new(AlphaStaging, AccessLevel.Viewer)];

        var outcome = GrantValidation.Validate(granter, requested);

        Assert.Null(outcome.Error);
        Assert.Equal(requested, outcome.Value);
    }

    [Fact]
    public void RefusedWhenTheGranterViewsTheAccountAndAdministersOnlyASandboxBelow()
    {
        var granter = AccessOf(Viewer(Acme), Admin(AlphaInbox));

        var outcome = GrantValidation.Validate(granter, [new GrantRequest(Alpha, AccessLevel.Viewer)]);

        Assert.Equal("You cannot grant Viewer on Alpha: it is more than you hold.", outcome.Error);
    }

    [Theory]
    [InlineData(ResourceType.Project, 999)]
    [InlineData(ResourceType.Sandbox, 10)]
    [InlineData(ResourceType.Account, 2)]
    public void RefusedWhenTheResourceIsNotInTheAccountsTree(ResourceType type, int id)
    {
        var granter = AccessOf(Owner(Acme));

        var outcome = GrantValidation.Validate(granter, [new GrantRequest(new(type, id), AccessLevel.Viewer)]);

        Assert.Equal("A chosen resource does not exist. Reload the page.", outcome.Error);
    }

    [Theory]
    [InlineData(AccessLevel.Owner)]
    [InlineData(AccessLevel.None)]
    public void RefusedWhenTheLevelIsNotOneATokenCanHold(AccessLevel level)
    {
        var granter = AccessOf(Owner(Acme));

        var outcome = GrantValidation.Validate(granter, [new GrantRequest(Alpha, level)]);

        Assert.Equal("Access level must be Admin or Viewer.", outcome.Error);
    }

    [Fact]
    public void GrantsCoveredByAnAccountGrantAreDroppedWhenRequestedTogether()
    {
        var granter = AccessOf(Owner(Acme));
        GrantRequest[] requested =
            [new(Alpha, AccessLevel.Viewer), new(Acme, AccessLevel.Admin), new(ExampleCom, AccessLevel.Admin)];

        var outcome = GrantValidation.Validate(granter, requested);

        Assert.Equal([new GrantRequest(Acme, AccessLevel.Admin)], outcome.Value);
    }

    [Fact]
    public void OnlyGrantsAddingAccessAreKeptWhenAProjectAndItsSandboxesAreRequested()
    {
        var granter = AccessOf(Owner(Acme));
        GrantRequest[] requested =
        [
            new(AlphaInbox, AccessLevel.Viewer),
            new(Alpha, AccessLevel.Viewer),
            new(AlphaStaging, AccessLevel.Admin),
            new(Beta, AccessLevel.Viewer),
            new(Beta, AccessLevel.Admin),
        ];

        var outcome = GrantValidation.Validate(granter, requested);

        Assert.Equal(
            [
                new GrantRequest(Alpha, AccessLevel.Viewer),
                new GrantRequest(AlphaStaging, AccessLevel.Admin),
                new GrantRequest(Beta, AccessLevel.Admin),
            ],
            outcome.Value);
    }
}
