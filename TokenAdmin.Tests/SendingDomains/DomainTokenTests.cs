using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.SendingDomains;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.SendingDomains;

// No test here gives a token Admin on the whole account: such a token would keep every domain covered.
public sealed class DomainTokenTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private TestApp App => fixture.App;

    private TokenService Tokens => App.Get<TokenService>();

    private SendingDomainService Domains => App.Get<SendingDomainService>();

    [Fact]
    public async Task OneTokenNamedAfterDomainAndIdWithAdminOnTheDomainIsCreatedWhenADomainIsAdded()
    {
        var owner = await App.OwnerAsync();
        var name = $"{Unique.Name("example")}.com";

        var added = await Domains.AddAsync(owner, name);

        var domain = ResourceRef.SendingDomain(added.Value!.Id);
        var token = Assert.Single(await TokensOnAsync(domain));
        Assert.Equal($"{name} token {token.Id}", token.Name);
        Assert.Equal([(ResourceType.SendingDomain, domain.Id, AccessLevel.Admin)], token.Access.Grants.AsTriples());
        Assert.Null(token.ExpiresAt);
        Assert.Equal(["token.created"], await App.TokenEventsAsync(token.Id));
    }

    [Fact]
    public async Task DeleteIsRefusedNamingTheDomainWhenItIsTheDomainsOnlyToken()
    {
        var owner = await App.OwnerAsync();
        var (domain, name) = await App.NewDomainAsync(owner);
        var token = Assert.Single(await TokensOnAsync(domain));

        var outcome = await Tokens.DeleteAsync(owner, token.Id);

        Assert.Equal(TokenRefusals.LastDomainToken(name), outcome.Error);
        Assert.Equal([token.Id], await TokenIdsOnAsync(domain));
        Assert.Equal(["token.created"], await App.TokenEventsAsync(token.Id));
    }

    [Fact]
    public async Task DeleteSucceedsWhenAnotherTokenHoldsAdminOnTheDomain()
    {
        var owner = await App.OwnerAsync();
        var (domain, _) = await App.NewDomainAsync(owner);
        var first = Assert.Single(await TokensOnAsync(domain));
        var second = await App.NewTokenAsync(owner, "second", new GrantRequest(domain, AccessLevel.Admin));

        var outcome = await Tokens.DeleteAsync(owner, first.Id);

        Assert.Null(outcome.Error);
        Assert.Equal([second.Token.Id], await TokenIdsOnAsync(domain));
    }

    [Fact]
    public async Task DeleteIsRefusedWhenTheOtherTokenOnTheDomainIsOnlyAViewer()
    {
        var owner = await App.OwnerAsync();
        var (domain, name) = await App.NewDomainAsync(owner);
        var first = Assert.Single(await TokensOnAsync(domain));
        var viewer = await App.NewTokenAsync(owner, "viewer", new GrantRequest(domain, AccessLevel.Viewer));

        var outcome = await Tokens.DeleteAsync(owner, first.Id);

        Assert.Equal(TokenRefusals.LastDomainToken(name), outcome.Error);
        Assert.Equal([first.Id, viewer.Token.Id], await TokenIdsOnAsync(domain));
    }

    [Fact]
    public async Task DeleteIsRefusedWhenTheOtherAdminTokenExpiredAtThisInstant()
    {
        var owner = await App.OwnerAsync();
        var (domain, name) = await App.NewDomainAsync(owner);
        var first = Assert.Single(await TokensOnAsync(domain));
        var expiresAt = App.Clock.GetUtcNow().AddHours(1);
        var draft = new TokenDraft("expiring", expiresAt, [new GrantRequest(domain, AccessLevel.Admin)]);
        var expiring = (await Tokens.CreateAsync(owner, draft)).Value!;
        App.Clock.Advance(TimeSpan.FromHours(1));

        var outcome = await Tokens.DeleteAsync(owner, first.Id);

        Assert.Equal(TokenRefusals.LastDomainToken(name), outcome.Error);
        Assert.Equal([first.Id, expiring.Token.Id], await TokenIdsOnAsync(domain));
    }

    [Fact]
    public async Task DeleteSucceedsWhenTheDomainsLastAdminTokenHasAlreadyExpired()
    {
        var owner = await App.OwnerAsync();
        var (domain, _) = await App.NewDomainAsync(owner);
        var only = Assert.Single(await TokensOnAsync(domain));
        await using (var db = App.CreateDbContext())
        {
            var expiresAt = App.Clock.GetUtcNow().AddHours(1);
            await db.ApiTokens.Where(t => t.Id == only.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.ExpiresAt, expiresAt));
        }
        App.Clock.Advance(TimeSpan.FromHours(1));

        var outcome = await Tokens.DeleteAsync(owner, only.Id);

        Assert.Null(outcome.Error);
        Assert.Equal([], await TokenIdsOnAsync(domain));
    }

    [Fact]
    public async Task DeleteIsRefusedWhenOnlyATokenThatWillExpireWouldStillCoverTheDomain()
    {
        var owner = await App.OwnerAsync();
        var (domain, name) = await App.NewDomainAsync(owner);
        var only = Assert.Single(await TokensOnAsync(domain));
        var draft = new TokenDraft(
            "expiring", App.Clock.GetUtcNow().AddDays(1), [new GrantRequest(domain, AccessLevel.Admin)]);
        await Tokens.CreateAsync(owner, draft);

        var outcome = await Tokens.DeleteAsync(owner, only.Id);

        Assert.Equal(TokenRefusals.LastDomainToken(name), outcome.Error);
    }

    [Fact]
    public async Task ResetGivingTheDomainsLastNeverExpiringTokenAnExpiryIsRefused()
    {
        var owner = await App.OwnerAsync();
        var (domain, name) = await App.NewDomainAsync(owner);
        var only = Assert.Single(await TokensOnAsync(domain));
        var reset = new TokenReset(only.Id, TimeSpan.FromHours(12), ReplaceExpiry: true,
            ExpiresAt: App.Clock.GetUtcNow().AddDays(30));

        var outcome = await App.Get<TokenResetService>().ResetAsync(owner, reset);

        Assert.Equal(TokenRefusals.DomainSuccessorMustNotExpire(name), outcome.Error);
        Assert.Equal([only.Id], await TokenIdsOnAsync(domain));
    }

    [Theory]
    [InlineData(AccessLevel.Viewer, false)]
    [InlineData(AccessLevel.Admin, true)]
    public async Task EditIsRefusedWhenItTakesAdminOnTheDomainAwayFromItsLastToken(AccessLevel onDomain, bool toProject)
    {
        var owner = await App.OwnerAsync();
        var (domain, name) = await App.NewDomainAsync(owner);
        var (project, _) = await App.NewProjectAsync(owner);
        var token = Assert.Single(await TokensOnAsync(domain));
        var narrowed = toProject ? new GrantRequest(project, onDomain) : new GrantRequest(domain, onDomain);

        var outcome = await Tokens.UpdateGrantsAsync(owner, token.Id, token.Version, [narrowed]);

        var current = Assert.Single(await TokensOnAsync(domain));
        Assert.Equal(TokenRefusals.LastDomainToken(name), outcome.Error);
        Assert.Equal([(ResourceType.SendingDomain, domain.Id, AccessLevel.Admin)], current.Access.Grants.AsTriples());
        Assert.Equal(token.Version, current.Version);
    }

    [Fact]
    public async Task EditIsAcceptedWhenTheLastTokenKeepsAdminOnTheDomain()
    {
        var owner = await App.OwnerAsync();
        var (domain, _) = await App.NewDomainAsync(owner);
        var (project, _) = await App.NewProjectAsync(owner);
        var token = Assert.Single(await TokensOnAsync(domain));
        GrantRequest[] widened = [new(domain, AccessLevel.Admin), new(project, AccessLevel.Viewer)];

        var outcome = await Tokens.UpdateGrantsAsync(owner, token.Id, token.Version, widened);

        var current = Assert.Single(await TokensOnAsync(domain));
        Assert.Null(outcome.Error);
        Assert.Equal(
            [(ResourceType.Project, project.Id, AccessLevel.Viewer), (domain.Type, domain.Id, AccessLevel.Admin)],
            current.Access.Grants.AsTriples());
    }

    [Fact]
    public async Task ExactlyOneTokenRemainsWhenTheDomainsOnlyTwoAdminTokensAreDeletedConcurrently()
    {
        var owner = await App.OwnerAsync();
        var rounds = new List<(int Deleted, int Refused, int Remaining)>();

        for (var round = 0; round < 10; round++)
        {
            var (domain, name) = await App.NewDomainAsync(owner);
            var first = Assert.Single(await TokensOnAsync(domain)).Id;
            var second = await App.NewTokenAsync(owner, "second", new GrantRequest(domain, AccessLevel.Admin));

            var outcomes = await Task.WhenAll(
                Task.Run(() => Tokens.DeleteAsync(owner, first)),
                Task.Run(() => Tokens.DeleteAsync(owner, second.Token.Id)));

            rounds.Add((
                outcomes.Count(outcome => outcome.Succeeded),
                outcomes.Count(outcome => outcome.Error == TokenRefusals.LastDomainToken(name)),
                (await TokenIdsOnAsync(domain)).Count));
        }

        Assert.Equal(Enumerable.Repeat((1, 1, 1), 10), rounds);
    }

    [Fact]
    public async Task GrantsOnTheDomainAndTokensLeftWithoutAnyAreDeletedWhenTheDomainIsDeleted()
    {
        var owner = await App.OwnerAsync();
        var (domain, _) = await App.NewDomainAsync(owner);
        var (project, _) = await App.NewProjectAsync(owner);
        var domainToken = Assert.Single(await TokensOnAsync(domain)).Id;
        var viewer = await App.NewTokenAsync(owner, "viewer", new GrantRequest(domain, AccessLevel.Viewer));
        GrantRequest[] sharedGrants = [new(domain, AccessLevel.Admin), new(project, AccessLevel.Viewer)];
        var shared = await App.NewTokenAsync(owner, "shared", sharedGrants);
        int[] ids = [domainToken, viewer.Token.Id, shared.Token.Id];

        var outcome = await Domains.DeleteAsync(owner, domain.Id);

        await using var db = App.CreateDbContext();
        var survivors = await db.ApiTokens.AsNoTracking()
            .Include(t => t.Access).ThenInclude(a => a.Grants)
            .Where(t => ids.Contains(t.Id))
            .ToListAsync();
        Assert.Null(outcome.Error);
        Assert.Equal(0, await db.Grants.CountAsync(g => g.ResourceType == domain.Type && g.ResourceId == domain.Id));
        Assert.Equal([shared.Token.Id], survivors.Select(t => t.Id));
        Assert.Equal([(ResourceType.Project, project.Id, AccessLevel.Viewer)], survivors[0].Access.Grants.AsTriples());
        Assert.Equal(["token.created", "token.deleted"], await App.TokenEventsAsync(domainToken));
        Assert.Equal(["token.created", "token.deleted"], await App.TokenEventsAsync(viewer.Token.Id));
    }

    /// <summary>Tokens with any grant on the resource itself, oldest first, with their grants.</summary>
    private async Task<List<ApiToken>> TokensOnAsync(ResourceRef resource)
    {
        await using var db = App.CreateDbContext();
        return await db.ApiTokens.AsNoTracking()
            .Include(t => t.Access).ThenInclude(a => a.Grants)
            .Where(t => t.Access.Grants.Any(g => g.ResourceType == resource.Type && g.ResourceId == resource.Id))
            .OrderBy(t => t.Id)
            .ToListAsync();
    }

    private async Task<List<int>> TokenIdsOnAsync(ResourceRef resource) =>
        (await TokensOnAsync(resource)).Select(t => t.Id).ToList();
}
