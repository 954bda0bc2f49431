using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

public sealed class TokenServiceTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string NotInFuture = "Choose an expiry in the future.";
    private const string TooFar = "Choose an expiry at most 5 years ahead.";

    private TestApp App => fixture.App;

    private TokenService Tokens => App.Get<TokenService>();

    [Fact]
    public async Task NoColumnHoldsTheSecretWhenATokenIsCreated()
    {
        var owner = await App.OwnerAsync();
        var name = Unique.Name("secret scan");

        var issued = await App.NewTokenAsync(owner, name, AccountGrant(owner, AccessLevel.Viewer));

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
        var issued = await app.NewTokenAsync(owner, "show once", AccountGrant(owner, AccessLevel.Viewer));

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
        var issued = await App.NewTokenAsync(owner, "reveal", AccountGrant(owner, AccessLevel.Admin));

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
        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditEntries "
                + "BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
        var draft = new TokenDraft("unaudited", ExpiresAt: null, [AccountGrant(owner, AccessLevel.Viewer)]);

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
        var issued = await App.NewTokenAsync(owner, "delete", AccountGrant(owner, AccessLevel.Admin));
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
        var issued = await App.NewTokenAsync(owner, "beyond", AccountGrant(owner, AccessLevel.Viewer));

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

    [Theory]
    [InlineData(0, -1, NotInFuture)]
    [InlineData(0, -86_400, NotInFuture)]
    [InlineData(0, 0, NotInFuture)]
    [InlineData(5, 1, TooFar)]
    [InlineData(10, 0, TooFar)]
    public async Task CreateIsRefusedWhenTheExpiryIsNotWithinTheNextFiveYears(int years, int seconds, string error)
    {
        var owner = await App.OwnerAsync();
        var name = Unique.Name("expiry");
        var expiresAt = App.Clock.GetUtcNow().AddYears(years).AddSeconds(seconds);

        var outcome = await CreateAsync(owner, name, expiresAt);

        Assert.Equal(error, outcome.Error);
        Assert.Equal(0, await CountNamedAsync(name));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 0)]
    public async Task ExpiryIsStoredExactlyWhenItIsWithinTheNextFiveYears(int years, int seconds)
    {
        var owner = await App.OwnerAsync();
        var expiresAt = App.Clock.GetUtcNow().AddYears(years).AddSeconds(seconds);

        var outcome = await CreateAsync(owner, Unique.Name("expiry"), expiresAt);

        await using var db = App.CreateDbContext();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == outcome.Value!.Token.Id);
        Assert.Null(outcome.Error);
        Assert.Equal(expiresAt, stored.ExpiresAt);
    }

    [Theory]
    [InlineData("", "Enter a name.")]
    [InlineData("   ", "Enter a name.")]
    [InlineData("bell\a", "Remove control or invisible characters from the name.")]
    [InlineData("tab\tinside", "Remove control or invisible characters from the name.")]
    [InlineData("evil\u202Eexe.txt", "Remove control or invisible characters from the name.")]
    [InlineData("zero\u200Bwidth", "Remove control or invisible characters from the name.")]
    public async Task CreateIsRefusedWhenTheNameIsBlankOrHasControlCharacters(string name, string error)
    {
        var owner = await App.OwnerAsync();

        var outcome = await CreateAsync(owner, name, expiresAt: null);

        Assert.Equal(error, outcome.Error);
    }

    [Fact]
    public async Task CreateIsRefusedWhenTheNameHas256CharactersAfterTrimming()
    {
        var owner = await App.OwnerAsync();
        var name = Unique.Name("long").PadRight(256, 'x');

        var outcome = await CreateAsync(owner, $"  {name}  ", expiresAt: null);

        Assert.Equal("Use at most 255 characters.", outcome.Error);
        Assert.Equal(0, await CountNamedAsync(name));
    }

    [Fact]
    public async Task NameIsStoredTrimmedWhenItHas255CharactersAfterTrimming()
    {
        var owner = await App.OwnerAsync();
        var name = Unique.Name("long").PadRight(255, 'x');

        var outcome = await CreateAsync(owner, $"  {name}  ", expiresAt: null);

        Assert.Null(outcome.Error);
        Assert.Equal(1, await CountNamedAsync(name));
    }

    private static GrantRequest AccountGrant(Actor actor, AccessLevel level) =>
        new(ResourceRef.Account(actor.AccountId), level);

    private Task<Outcome<IssuedToken>> CreateAsync(Actor owner, string name, DateTimeOffset? expiresAt) =>
        Tokens.CreateAsync(owner, new TokenDraft(name, expiresAt, [AccountGrant(owner, AccessLevel.Viewer)]));

    private async Task<int> CountNamedAsync(string name)
    {
        await using var db = App.CreateDbContext();
        return await db.ApiTokens.CountAsync(t => t.Name == name);
    }
}
