using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

public sealed class TokenServiceTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private TestApp App => fixture.App;

    private TokenService Tokens => App.Get<TokenService>();

    [Fact]
    public async Task NoColumnHoldsTheSecretWhenATokenIsCreated()
    {
        var owner = await App.OwnerAsync();
        var name = Unique.Name("secret scan");

        var issued = await App.NewTokenAsync(owner, name, Arrange.AccountGrant(owner, AccessLevel.Viewer));

        await using var db = App.CreateDbContext();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == issued.Token.Id);
        Assert.Equal([], App.ColumnsContaining(issued.Secret[TokenSecret.Prefix.Length..]));
        Assert.Equal(["ApiTokens.Name", "AuditEntries.SubjectName"], App.ColumnsContaining(name));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Secret)), stored.SecretHash);
        Assert.Equal(issued.Secret[^4..], stored.Last4);
    }

    [Fact]
    public async Task CopyIsRefusedAndNoEncryptedCopyIsKeptWhenCopyAfterCreateIsOff()
    {
        await using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["TokenAdmin:Tokens:CopyAfterCreate"] = "false",
        });
        var owner = await app.OwnerAsync();
        var issued = await app.NewTokenAsync(owner, "show once", Arrange.AccountGrant(owner, AccessLevel.Viewer));

        var copy = await app.Get<TokenService>().RevealAsync(owner, issued.Token.Id);

        await using var db = app.CreateDbContext();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == issued.Token.Id);
        Assert.Equal(TokenRefusals.ShowOnce, copy.Error);
        Assert.Null(copy.Value);
        Assert.Null(stored.EncryptedSecret);
        Assert.Equal([], app.ColumnsContaining(issued.Secret[TokenSecret.Prefix.Length..]));
        Assert.Equal(["token.created"], await app.TokenEventsAsync(issued.Token.Id));
    }

    [Fact]
    public async Task ExactSecretIsReturnedAndTheCopyAuditedWhenATokenIsRevealed()
    {
        var owner = await App.OwnerAsync();
        var issued = await App.NewTokenAsync(owner, "reveal", Arrange.AccountGrant(owner, AccessLevel.Admin));

        var copy = await Tokens.RevealAsync(owner, issued.Token.Id);

        Assert.Null(copy.Error);
        Assert.Equal(issued.Secret, copy.Value);
        Assert.Equal(["token.created", "token.copied"], await App.TokenEventsAsync(issued.Token.Id));
    }

    [Fact]
    public async Task NothingIsStoredWhenTheTokensAuditEntryCannotBeWritten()
    {
        await using var app = new TestApp();
        var owner = await app.OwnerAsync();
        await app.RefuseAuditEntriesAsync();
        var draft = new TokenDraft("unaudited", ExpiresAt: null, [Arrange.AccountGrant(owner, AccessLevel.Viewer)]);

        var thrown = await Record.ExceptionAsync(() => app.Get<TokenService>().CreateAsync(owner, draft));

        await using var check = app.CreateDbContext();
        Assert.IsType<DbUpdateException>(thrown);
        Assert.Equal(0, await check.ApiTokens.CountAsync());
        Assert.Equal(0, await check.AccountAccesses.CountAsync(a => a.ApiTokenId != null));
    }

    [Fact]
    public async Task StaleEditIsRefusedAndChangesNothingWhenSomeoneElseEditedMeanwhile()
    {
        var owner = await App.OwnerAsync();
        var (alpha, _) = await App.NewProjectAsync(owner);
        var (beta, _) = await App.NewProjectAsync(owner);
        var issued = await App.NewTokenAsync(owner, "stale edit", new GrantRequest(alpha, AccessLevel.Admin));
        var opened = issued.Token.Version;
        await Tokens.UpdateGrantsAsync(owner, issued.Token.Id, opened, [new GrantRequest(alpha, AccessLevel.Viewer)]);

        var stale = await Tokens.UpdateGrantsAsync(
            owner, issued.Token.Id, opened, [new GrantRequest(beta, AccessLevel.Admin)]);

        var current = await App.Get<TokenQueries>().GetForEditAsync(owner, issued.Token.Id);
        Assert.Equal(TokenRefusals.ChangedMeanwhile, stale.Error);
        Assert.Equal(opened + 1, current!.Version);
        Assert.Equal([(ResourceType.Project, alpha.Id, AccessLevel.Viewer)], current.Grants.AsTriples());
        Assert.Equal(["token.created", "token.permissions_changed"], await App.TokenEventsAsync(issued.Token.Id));
    }

    [Fact]
    public async Task OnlyOneEditIsAppliedWhenTwoStartConcurrentlyFromTheSameVersion()
    {
        var owner = await App.OwnerAsync();
        var (alpha, _) = await App.NewProjectAsync(owner);
        var (beta, _) = await App.NewProjectAsync(owner);
        var issued = await App.NewTokenAsync(owner, "concurrent edit", new GrantRequest(alpha, AccessLevel.Viewer));
        var version = issued.Token.Version;

        var outcomes = await Task.WhenAll(
            Task.Run(() => Tokens.UpdateGrantsAsync(
                owner, issued.Token.Id, version, [new GrantRequest(alpha, AccessLevel.Admin)])),
            Task.Run(() => Tokens.UpdateGrantsAsync(
                owner, issued.Token.Id, version, [new GrantRequest(beta, AccessLevel.Admin)])));

        var current = await App.Get<TokenQueries>().GetForEditAsync(owner, issued.Token.Id);
        var applied = outcomes[0].Succeeded ? alpha : beta;
        Assert.Equal(
            [null, TokenRefusals.ChangedMeanwhile],
            outcomes.Select(outcome => outcome.Error).OrderBy(error => error is not null));
        Assert.Equal(version + 1, current!.Version);
        Assert.Equal([(ResourceType.Project, applied.Id, AccessLevel.Admin)], current.Grants.AsTriples());
    }

    [Fact]
    public async Task TokenAndItsGrantsAreGoneAndTheDeleteAuditedWhenATokenIsDeleted()
    {
        var owner = await App.OwnerAsync();
        var issued = await App.NewTokenAsync(owner, "delete", Arrange.AccountGrant(owner, AccessLevel.Admin));
        var accessId = issued.Token.Access.Id;

        var deleted = await Tokens.DeleteAsync(owner, issued.Token.Id);

        await using var db = App.CreateDbContext();
        Assert.Null(deleted.Error);
        Assert.Equal(0, await db.ApiTokens.CountAsync(t => t.Id == issued.Token.Id));
        Assert.Equal(0, await db.AccountAccesses.CountAsync(a => a.Id == accessId));
        Assert.Equal(0, await db.Grants.CountAsync(g => g.AccountAccessId == accessId));
        Assert.Equal(["token.created", "token.deleted"], await App.TokenEventsAsync(issued.Token.Id));
    }

    [Fact]
    public async Task EachChangeIsAuditedAgainstTheTokenWhenItIsCreatedEditedAndDeleted()
    {
        var owner = await App.OwnerAsync();
        var (alpha, alphaName) = await App.NewProjectAsync(owner);
        var (beta, betaName) = await App.NewProjectAsync(owner);
        var name = Unique.Name("audited");

        var issued = await App.NewTokenAsync(owner, name, new GrantRequest(alpha, AccessLevel.Admin));
        await Tokens.UpdateGrantsAsync(owner, issued.Token.Id, issued.Token.Version,
            [new GrantRequest(alpha, AccessLevel.Viewer), new GrantRequest(beta, AccessLevel.Admin)]);
        await Tokens.DeleteAsync(owner, issued.Token.Id);

        await using var db = App.CreateDbContext();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectName == name)
            .OrderBy(e => e.Id)
            .ToListAsync();
        Assert.Equal(
            [
                ("token.created", $"Admin on project {alphaName}"),
                ("token.permissions_changed",
                    $"Admin on project {alphaName} → Viewer on project {alphaName}, Admin on project {betaName}"),
                ("token.deleted", ""),
            ],
            entries.Select(e => (e.Event, e.Change)));
        Assert.Equal(
            Enumerable.Repeat(("token", issued.Token.Id.ToString(), "person", owner.UserId), 3),
            entries.Select(e => (e.SubjectType, e.SubjectId, e.ActorType, e.ActorId)));
    }

    [Fact]
    public async Task EveryChangeIsRefusedWhenTheTokenReachesBeyondTheActorsAccess()
    {
        var owner = await App.OwnerAsync();
        var (alpha, _) = await App.NewProjectAsync(owner);
        var alphaAdmin = await App.PersonAsync(SampleTree.Admin(alpha));
        // Visible to alpha's Admin through its grant on alpha, but reaching the whole account beyond it.
        var issued = await App.NewTokenAsync(owner, "beyond",
            Arrange.AccountGrant(owner, AccessLevel.Viewer), new GrantRequest(alpha, AccessLevel.Admin));

        Outcome[] outcomes =
        [
            await Tokens.RevealAsync(alphaAdmin, issued.Token.Id),
            await Tokens.UpdateGrantsAsync(
                alphaAdmin, issued.Token.Id, issued.Token.Version, [new GrantRequest(alpha, AccessLevel.Viewer)]),
            await Tokens.DeleteAsync(alphaAdmin, issued.Token.Id),
        ];

        Assert.Equal(Enumerable.Repeat(TokenRefusals.NotYours, 3), outcomes.Select(outcome => outcome.Error));
        Assert.Equal(["token.created"], await App.TokenEventsAsync(issued.Token.Id));
    }
}
