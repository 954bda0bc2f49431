using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.People;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.People;

public sealed class PeopleServiceTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task InvitedPersonSignsInOnlyAfterSettingTheirPasswordThroughTheLink()
    {
        var owner = await App.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var email = $"{Unique.Name("invited")}@example.test";

        var invited = await App.Get<PeopleService>().InviteAsync(
            owner, new NewPerson(email, "Ivy", [new GrantRequest(project, AccessLevel.Admin)]));
        var found = await App.Get<InvitationService>().FindOpenAsync(invited.Value!.Secret);
        var accepted = await App.Get<InvitationService>().AcceptAsync(invited.Value.Secret, "Ivy-pass-12");
        var again = await App.Get<InvitationService>().AcceptAsync(invited.Value.Secret, "Other-pass-12");

        Assert.True(invited.Succeeded, invited.Error);
        Assert.Equal(new InvitedPerson(email, "Ivy"), found);
        Assert.True(accepted.Succeeded, accepted.Error);
        Assert.Equal(InvitationService.NotValid, again.Error);
        await using var db = App.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.EmailConfirmed);
        var person = await db.LoadPersonAsync(user.Id);
        Assert.Equal([(ResourceType.Project, project.Id, AccessLevel.Admin)], person!.Grants.AsTriples());
        var events = await db.AuditEntries.Where(e => e.SubjectId == user.Id).Select(e => e.Event).ToListAsync();
        Assert.Equal(["person.invited", "person.joined"], events);
    }

    [Fact]
    public async Task InvitationLinkIsRefusedWhenItHasExpiredOrWasRenewed()
    {
        var owner = await App.OwnerAsync();
        var people = App.Get<PeopleService>();
        var first = await people.InviteAsync(owner, Invite(owner, AccessLevel.Viewer));
        var accessId = await App.PersonAccessIdAsync(first.Value!.Invitation.UserId);

        var renewed = await people.RenewInvitationAsync(owner, accessId);
        var old = await App.Get<InvitationService>().AcceptAsync(first.Value.Secret, "Some-pass-12");
        App.Clock.Advance(InvitationSecret.Lifetime);
        var expired = await App.Get<InvitationService>().AcceptAsync(renewed.Value!.Secret, "Some-pass-12");

        Assert.Equal(InvitationService.NotValid, old.Error);
        Assert.Equal(InvitationService.NotValid, expired.Error);
    }

    [Fact]
    public async Task NobodyInvitesWithMoreAccessThanTheyHold()
    {
        var owner = await App.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var (other, _) = await App.NewProjectAsync(owner);
        var projectAdmin = await App.PersonAsync(new Grant
        {
            ResourceType = project.Type, ResourceId = project.Id, Level = AccessLevel.Admin,
        });
        var people = App.Get<PeopleService>();

        var onOther = await people.InviteAsync(projectAdmin, new NewPerson(
            $"{Unique.Name("x")}@example.test", null, [new GrantRequest(other, AccessLevel.Viewer)]));
        var asOwner = await people.InviteAsync(projectAdmin, Invite(owner, AccessLevel.Owner));
        var onOwn = await people.InviteAsync(projectAdmin, new NewPerson(
            $"{Unique.Name("x")}@example.test", null, [new GrantRequest(project, AccessLevel.Viewer)]));

        Assert.Equal(RefusalKind.Forbidden, onOther.Kind);
        Assert.Equal(RefusalKind.Forbidden, asOwner.Kind);
        Assert.True(onOwn.Succeeded, onOwn.Error);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("")]
    [InlineData("Someone <someone@example.test>")]
    public async Task InvitationIsRefusedOnTheEmailFieldWhenTheAddressIsInvalid(string email)
    {
        var owner = await App.OwnerAsync();

        var invited = await App.Get<PeopleService>().InviteAsync(
            owner, new NewPerson(email, null, [Arrange.AccountGrant(owner, AccessLevel.Viewer)]));

        Assert.Equal("email", invited.Field);
    }

    [Fact]
    public async Task SecondInvitationOfTheSameEmailIsRefused()
    {
        var owner = await App.OwnerAsync();
        var invite = Invite(owner, AccessLevel.Viewer);

        await App.Get<PeopleService>().InviteAsync(owner, invite);
        var again = await App.Get<PeopleService>().InviteAsync(owner, invite);

        Assert.Equal($"{invite.Email} already has access to this console.", again.Error);
    }

    [Fact]
    public async Task LastOwnerCanBeNeitherDemotedNorRemovedButASecondOwnerMakesItPossible()
    {
        await using var app = new TestApp();
        var owner = await app.OwnerAsync();
        var people = app.Get<PeopleService>();
        var ownerAccess = await app.PersonAccessIdAsync(owner.UserId!);

        var demoted = await people.ChangeAccessAsync(
            owner, ownerAccess, [Arrange.AccountGrant(owner, AccessLevel.Admin)]);
        var removed = await people.RemoveAsync(owner, ownerAccess);
        await people.InviteAsync(owner, Invite(owner, AccessLevel.Owner));
        var demotedWithSecond = await people.ChangeAccessAsync(
            owner, ownerAccess, [Arrange.AccountGrant(owner, AccessLevel.Admin)]);

        Assert.Equal(PeopleService.LastOwner, demoted.Error);
        Assert.Equal(PeopleService.LastOwner, removed.Error);
        Assert.True(demotedWithSecond.Succeeded, demotedWithSecond.Error);
    }

    [Fact]
    public async Task AdminCannotChangeOrRemoveAnOwner()
    {
        var owner = await App.OwnerAsync();
        var admin = await App.PersonAsync(new Grant
        {
            ResourceType = ResourceType.Account, ResourceId = owner.AccountId, Level = AccessLevel.Admin,
        });
        var ownerAccess = await App.PersonAccessIdAsync(owner.UserId!);

        var changed = await App.Get<PeopleService>().ChangeAccessAsync(
            admin, ownerAccess, [Arrange.AccountGrant(owner, AccessLevel.Viewer)]);
        var removed = await App.Get<PeopleService>().RemoveAsync(admin, ownerAccess);

        Assert.Equal(RefusalKind.Forbidden, changed.Kind);
        Assert.Equal(RefusalKind.Forbidden, removed.Kind);
    }

    [Fact]
    public async Task RemovedPersonHasNoAccessOnTheirNextAction()
    {
        var owner = await App.OwnerAsync();
        var person = await App.PersonAsync(new Grant
        {
            ResourceType = ResourceType.Account, ResourceId = owner.AccountId, Level = AccessLevel.Viewer,
        });
        var accessId = await App.PersonAccessIdAsync(person.UserId!);

        var removed = await App.Get<PeopleService>().RemoveAsync(owner, accessId);

        Assert.True(removed.Succeeded, removed.Error);
        await using var db = App.CreateDbContext();
        Assert.Null(await db.LoadPersonAsync(person.UserId!));
    }

    private static NewPerson Invite(Actor owner, AccessLevel level) =>
        new($"{Unique.Name("person")}@example.test", null, [Arrange.AccountGrant(owner, level)]);
}
