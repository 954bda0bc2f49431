using System.Net;
using TokenAdmin.Accounts;
using TokenAdmin.Jobs;
using TokenAdmin.Projects;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;

/// <summary>Verified tokens are cached; every change must still show on the very next request.</summary>
public sealed class VerificationCacheTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task SecondRequestIsAnsweredFromTheCache()
    {
        var (token, client) = await fixture.CallerAsync();
        var cache = App.Get<VerifiedTokenCache>();
        await App.ChangeLogAppliedAsync();

        Assert.False(cache.TryGet(SecretHash.Of(token.Secret), out _));
        await client.SendGetAsync("/api/api_tokens/self");

        Assert.True(cache.TryGet(SecretHash.Of(token.Secret), out var cached));
        Assert.Equal(token.Token.Id, cached.Id);
    }

    [Fact]
    public async Task TokenDeletedInTheConsoleIsRefusedOnTheNextRequest()
    {
        var (token, client) = await fixture.CallerAsync();
        await WarmAsync(client);

        var deleted = await App.Get<TokenService>().DeleteAsync(await fixture.OwnerAsync(), token.Token.Id);

        Assert.True(deleted.Succeeded, deleted.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendGetAsync("/api/api_tokens/self")).Status);
    }

    [Fact]
    public async Task PermissionRemovedInTheConsoleTakesEffectOnTheNextRequest()
    {
        var owner = await fixture.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var (token, client) = await fixture.CallerAsync();
        var create = CreateBody(token.Token.AccountId);
        Assert.Equal(HttpStatusCode.OK, (await client.SendPostAsync("/api/api_tokens", create)).Status);

        var changed = await App.Get<TokenService>().UpdateGrantsAsync(
            owner, token.Token.Id, expectedVersion: null, [new GrantRequest(project, AccessLevel.Viewer)]);

        Assert.True(changed.Succeeded, changed.Error);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendPostAsync("/api/api_tokens", create)).Status);
        var self = await client.SendGetAsync("/api/api_tokens/self");
        Assert.Equal("project", self.Json.GetProperty("resources")[0].GetProperty("resource_type").GetString());
    }

    [Fact]
    public async Task PermissionRemovedThroughTheApiTakesEffectOnTheNextRequest()
    {
        var (admin, adminClient) = await fixture.CallerAsync();
        var (token, client) = await fixture.CallerAsync();
        await WarmAsync(client);
        var accessId = await App.TokenAccessIdAsync(token.Token.Id);
        var body = ApiCalls.Json(new
        {
            permissions = new[]
            {
                new { resource_type = "account", resource_id = admin.Token.AccountId, access_level = "viewer" },
            },
        });

        var changed = await adminClient.SendPutAsync($"/api/account_accesses/{accessId}/permissions/bulk", body);

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        var create = await client.SendPostAsync("/api/api_tokens", CreateBody(token.Token.AccountId));
        Assert.Equal(HttpStatusCode.Forbidden, create.Status);
    }

    [Fact]
    public async Task DeletingTheOnlyProjectATokenReachesDeletesTheTokenAndRefusesItsNextRequest()
    {
        var owner = await fixture.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var (_, client) = await fixture.CallerAsync(new GrantRequest(project, AccessLevel.Admin));
        var resources = await client.SendGetAsync("/api/permissions/resources");
        Assert.Equal(project.Id, resources.Json[0].GetProperty("id").GetInt32());

        var deleted = await App.Get<ProjectService>().DeleteProjectAsync(owner, project.Id);

        Assert.True(deleted.Succeeded, deleted.Error);
        var next = await client.SendGetAsync("/api/permissions/resources");
        Assert.Equal(HttpStatusCode.Unauthorized, next.Status);
    }

    [Fact]
    public async Task C04ResetOldSecretAnswersUntilTheEndOfGraceAndNotFromIt()
    {
        var owner = await fixture.OwnerAsync();
        var (alpha, client) = await fixture.CallerAsync();
        await WarmAsync(client);
        var grace = TimeSpan.FromHours(12);
        var reset = await App.Get<TokenResetService>().ResetAsync(owner, new TokenReset(alpha.Token.Id, grace));
        Assert.True(reset.Succeeded, reset.Error);
        var graceEnd = App.Clock.GetUtcNow() + grace;

        App.Clock.SetUtcNow(graceEnd - TimeSpan.FromMilliseconds(1));
        var before = await client.SendGetAsync("/api/api_tokens/self");
        App.Clock.SetUtcNow(graceEnd);
        var at = await client.SendGetAsync("/api/api_tokens/self");
        App.Clock.SetUtcNow(graceEnd + TimeSpan.FromMilliseconds(1));
        var after = await client.SendGetAsync("/api/api_tokens/self");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, at.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
    }

    [Fact]
    public async Task ExpiryRunDropsExpiredTokensFromTheCache()
    {
        await using var app = new TestApp();
        var owner = await app.OwnerAsync();
        var expiresAt = app.Clock.GetUtcNow().AddHours(1);
        var draft = new TokenDraft("short-lived", expiresAt, [Arrange.AccountGrant(owner, AccessLevel.Viewer)]);
        var token = (await app.Get<TokenService>().CreateAsync(owner, draft)).Value!;
        using var client = app.ApiClient(token.Secret);
        await WarmAsync(client);
        var cache = app.Get<VerifiedTokenCache>();

        app.Clock.SetUtcNow(expiresAt);
        await app.Get<Lifecycle>().RecordExpiriesAsync(app.Clock.GetUtcNow());

        Assert.False(cache.TryGet(SecretHash.Of(token.Secret), out _));
    }

    [Fact]
    public async Task LookupThatRacedWithAChangeDoesNotCacheWhatItRead()
    {
        var cache = new VerifiedTokenCache();
        var token = new VerifiedToken(7, 1, "raced", "abcd", "owner", null, []);
        var hash = SecretHash.Of(TokenSecret.Generate());
        var generationBeforeLoad = cache.Generation;

        cache.Invalidate(7);
        cache.Add(hash, token, generationBeforeLoad);

        Assert.False(cache.TryGet(hash, out _));
    }

    private static async Task WarmAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.OK, (await client.SendGetAsync("/api/api_tokens/self")).Status);

    private static string CreateBody(int accountId) => ApiCalls.Json(new
    {
        name = "made by the cached token",
        resources = new[] { new { resource_type = "account", resource_id = accountId, access_level = 100 } },
    });
}
