using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Jobs;
using TokenAdmin.Projects;
using TokenAdmin.Sandboxes;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Jobs;

/// <summary>Expiry records and cleanup, called as the jobs call them, at exact instants.</summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task TokenIsDeletedAtItsExpiryAndNotOneMillisecondBeforeWhenCleanupRuns()
    {
        var expiresAt = _app.Clock.GetUtcNow().AddHours(2);
        var token = await NewTokenAsync(expiresAt);

        await _app.Get<Lifecycle>().DeleteExpiredAsync(expiresAt - TimeSpan.FromMilliseconds(1));
        var before = await ExistsAsync(token.Id);
        await _app.Get<Lifecycle>().DeleteExpiredAsync(expiresAt);
        var after = await ExistsAsync(token.Id);

        Assert.True(before);
        Assert.False(after);
        Assert.Equal(["token.created", "token.expired", "token.cleaned_up"], await _app.TokenEventsAsync(token.Id));
    }

    [Fact]
    public async Task EachRunDeletesExactlyTheFreshlyExpiredTokensWhenCleanupRunsFiveTimes()
    {
        var now = _app.Clock.GetUtcNow();

        for (var run = 1; run <= 5; run++)
        {
            var expired = new[] { await NewTokenAsync(now.AddMinutes(run)), await NewTokenAsync(now.AddMinutes(run)) };
            var deleted = await _app.Get<TokenLifecycle>().DeleteExpiredAsync(now.AddMinutes(run));

            Assert.Equal(2, deleted);
            Assert.False(await ExistsAsync(expired[0].Id) || await ExistsAsync(expired[1].Id));
        }
    }

    [Fact]
    public async Task ExpiryIsRecordedOnceWhenTheExpiryRunIsRepeated()
    {
        var expiresAt = _app.Clock.GetUtcNow().AddMinutes(5);
        var token = await NewTokenAsync(expiresAt);

        var first = await _app.Get<TokenLifecycle>().RecordExpiriesAsync(expiresAt);
        var second = await _app.Get<TokenLifecycle>().RecordExpiriesAsync(expiresAt.AddMinutes(1));

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(["token.created", "token.expired"], await _app.TokenEventsAsync(token.Id));
    }

    [Fact]
    public async Task OldSandboxCredentialsAreDeletedWithExpiredTokensWhenCleanupRunsAfterTheirGrace()
    {
        var owner = await _app.OwnerAsync();
        var (project, _) = await _app.NewProjectAsync(owner);
        var sandbox = (await _app.Get<ProjectService>()
            .CreateSandboxAsync(owner, project.Id, Unique.Name("box"))).Value!;
        var resetAt = _app.Clock.GetUtcNow();
        await _app.Get<SandboxCredentialService>().ResetAsync(owner, sandbox.Id);

        await _app.Get<Lifecycle>().DeleteExpiredAsync(resetAt + TimeSpan.FromHours(12) - TimeSpan.FromMilliseconds(1));
        var beforeGraceEnds = await CredentialCountAsync(sandbox.Id);
        await _app.Get<Lifecycle>().DeleteExpiredAsync(resetAt + TimeSpan.FromHours(12));
        var afterGraceEnds = await CredentialCountAsync(sandbox.Id);

        Assert.Equal((2, 1), (beforeGraceEnds, afterGraceEnds));
    }

    private async Task<int> CredentialCountAsync(int sandboxId)
    {
        await using var db = _app.CreateDbContext();
        return await db.SandboxCredentials.CountAsync(c => c.SandboxId == sandboxId);
    }

    private async Task<ApiToken> NewTokenAsync(DateTimeOffset expiresAt)
    {
        var owner = await _app.OwnerAsync();
        var grant = new GrantRequest(ResourceRef.Account(owner.AccountId), AccessLevel.Viewer);
        var draft = new TokenDraft(Unique.Name("expiring"), expiresAt, [grant]);
        return (await _app.Get<TokenService>().CreateAsync(owner, draft)).Value!.Token;
    }

    private async Task<bool> ExistsAsync(int tokenId)
    {
        await using var db = _app.CreateDbContext();
        return await db.ApiTokens.AnyAsync(t => t.Id == tokenId);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
