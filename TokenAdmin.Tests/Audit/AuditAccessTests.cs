using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Audit;

public sealed class AuditAccessTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private TestApp App => fixture.App;

    private AuditQueries Queries => App.Get<AuditQueries>();

    [Fact]
    public async Task ReadingIsRefusedWithTheMessageWhenThePersonViewsOneProjectOnly()
    {
        var owner = await App.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var person = await App.PersonAsync(Grants.Of(project, AccessLevel.Admin));
        await App.NewTokenAsync(owner, Unique.Name("on the project"), new GrantRequest(project, AccessLevel.Viewer));

        var outcome = await Queries.ListAsync(person, new AuditQuery());
        var suggested = await Queries.SuggestTokenNamesAsync(person, null);

        Assert.Equal(AuditQueries.NeedsAccountAccess, outcome.Error);
        Assert.Equal(RefusalKind.Forbidden, outcome.Kind);
        Assert.Null(outcome.Value);
        Assert.Empty(suggested);
    }

    [Fact]
    public async Task AnAccountViewerReadsTheSameLogAsTheOwner()
    {
        var owner = await App.OwnerAsync();
        var viewer = await App.PersonAsync(Grants.Of(ResourceRef.Account(owner.AccountId), AccessLevel.Viewer));
        await App.NewTokenAsync(owner, Unique.Name("seen by viewer"), Arrange.AccountGrant(owner, AccessLevel.Viewer));

        var asViewer = await Queries.ListAsync(viewer, new AuditQuery { Take = 1000 });
        var asOwner = await Queries.ListAsync(owner, new AuditQuery { Take = 1000 });

        Assert.True(asViewer.Succeeded, asViewer.Error);
        Assert.Equal(asOwner.Value!.Entries.Select(e => e.Id), asViewer.Value!.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task EntriesOfAnotherAccountAreNeverListed()
    {
        var owner = await App.OwnerAsync();
        var otherAccount = await App.NewAccountAsync();
        var stranger = Unique.Name("stranger");
        await using (var db = App.CreateDbContext())
        {
            var otherActor = new Actor(otherAccount, stranger, UserId: null, Grants: []);
            db.Record(otherActor, App.Clock.GetUtcNow(), AuditEvents.TokenCreated, Subject.Token(1, stranger));
            await db.SaveChangesAsync();
        }

        var page = await Queries.ListAsync(owner, new AuditQuery { ActedBy = stranger });

        Assert.Equal(0, page.Value!.Total);
    }
}
