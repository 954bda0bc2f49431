using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

/// <summary>Reset and the grace window at their exact boundaries (handed case C04), with a fake clock.</summary>
public sealed class TokenResetTests : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(12);
    private readonly TestApp _app = new();

    [Fact]
    public async Task OldSecretWorksUntilJustBeforeGraceEndsWhenTokenIsReset()
    {
        var (alpha, a0) = await NewTokenAsync("alpha", expiresAt: null);
        var resetAt = _app.Clock.GetUtcNow();

        var successor = await ResetAsync(alpha.Id);
        var a1 = successor.Secret;
        var graceEnd = resetAt + Grace;

        _app.Clock.SetUtcNow(graceEnd - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await Verify(a0));
        Assert.Equal(TokenState.Replaced, await StateAsync(alpha.Id));
        _app.Clock.SetUtcNow(graceEnd);
        Assert.Null(await Verify(a0));
        Assert.Equal(TokenState.Expired, await StateAsync(alpha.Id));
        _app.Clock.SetUtcNow(graceEnd + TimeSpan.FromMilliseconds(1));
        Assert.Null(await Verify(a0));
        Assert.NotNull(await Verify(a1));
    }

    [Fact]
    public async Task SuccessorKeepsGrantsAndExpiryAndGetsTheNameRuleWhenTokenIsReset()
    {
        var expiresAt = _app.Clock.GetUtcNow().AddDays(30);
        var (alpha, _) = await NewTokenAsync("CI deploy", expiresAt);

        var successor = (await ResetAsync(alpha.Id)).Token;

        await using var db = _app.CreateDbContext();
        var stored = await db.ApiTokens.Include(t => t.Access.Grants).SingleAsync(t => t.Id == successor.Id);
        Assert.NotEqual(alpha.Id, stored.Id);
        Assert.Equal($"CI deploy token {stored.Id}", stored.Name);
        Assert.Equal(expiresAt, stored.ExpiresAt);
        Assert.Equal(alpha.Access.Grants.AsTriples(), stored.Access.Grants.AsTriples());
        var old = await db.ApiTokens.SingleAsync(t => t.Id == alpha.Id);
        Assert.Equal(stored.Id, old.SuccessorId);
    }

    [Fact]
    public async Task OldTokenEndsAtItsOwnExpiryWhenThatComesBeforeGraceEnds()
    {
        var ownExpiry = _app.Clock.GetUtcNow().AddHours(1);
        var (alpha, a0) = await NewTokenAsync("short", ownExpiry);

        await ResetAsync(alpha.Id);

        _app.Clock.SetUtcNow(ownExpiry - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await Verify(a0));
        _app.Clock.SetUtcNow(ownExpiry);
        Assert.Null(await Verify(a0));
    }

    [Fact]
    public async Task SecondResetIsRefusedWhenTokenIsInGraceOrExpired()
    {
        var (alpha, _) = await NewTokenAsync("twice", expiresAt: null);
        await ResetAsync(alpha.Id);

        var again = await _app.Get<TokenResetService>()
            .ResetAsync(await _app.OwnerAsync(), new TokenReset(alpha.Id, Grace));
        _app.Clock.Advance(Grace);
        var expired = await _app.Get<TokenResetService>()
            .ResetAsync(await _app.OwnerAsync(), new TokenReset(alpha.Id, Grace));

        Assert.Equal(TokenRefusals.AlreadyReset, again.Error);
        Assert.Equal(TokenRefusals.Expired, expired.Error);
    }

    [Fact]
    public async Task ExactlyOneSuccessorExistsWhenTwoResetsRunAtOnce()
    {
        var owner = await _app.OwnerAsync();
        for (var round = 0; round < 5; round++)
        {
            var (alpha, _) = await NewTokenAsync(Unique.Name("race"), expiresAt: null);

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
                _app.Get<TokenResetService>().ResetAsync(owner, new TokenReset(alpha.Id, Grace)))));

            Assert.Single(outcomes, outcome => outcome.Succeeded);
            await using var db = _app.CreateDbContext();
            Assert.Equal(1, await db.ApiTokens.CountAsync(t => t.Name.StartsWith(alpha.Name + " token ")));
        }
    }

    [Fact]
    public async Task NoSuccessorSurvivesWhenDeleteWinsARaceWithReset()
    {
        var owner = await _app.OwnerAsync();
        for (var round = 0; round < 10; round++)
        {
            var (alpha, _) = await NewTokenAsync(Unique.Name("raced"), expiresAt: null);

            var resetTask = Task.Run(() =>
                _app.Get<TokenResetService>().ResetAsync(owner, new TokenReset(alpha.Id, Grace)));
            var deleteTask = Task.Run(() => _app.Get<TokenService>().DeleteAsync(owner, alpha.Id));
            var (reset, delete) = (await resetTask, await deleteTask);

            Assert.True(delete.Succeeded, delete.Error);
            await using var db = _app.CreateDbContext();
            var successors = await db.ApiTokens.CountAsync(t => t.Name.StartsWith(alpha.Name + " token "));
            Assert.Equal(reset.Succeeded ? 1 : 0, successors);
            Assert.True(reset.Succeeded || reset.Error == TokenRefusals.NotFound, reset.Error);
        }
    }

    private async Task<(ApiToken Token, string Secret)> NewTokenAsync(string name, DateTimeOffset? expiresAt)
    {
        var owner = await _app.OwnerAsync();
        var grant = new GrantRequest(ResourceRef.Account(owner.AccountId), AccessLevel.Viewer);
        var created = await _app.Get<TokenService>().CreateAsync(owner, new TokenDraft(name, expiresAt, [grant]));
        return (created.Value!.Token, created.Value.Secret);
    }

    private async Task<IssuedToken> ResetAsync(int tokenId)
    {
        var outcome = await _app.Get<TokenResetService>()
            .ResetAsync(await _app.OwnerAsync(), new TokenReset(tokenId, Grace));
        return outcome.Value ?? throw new InvalidOperationException(outcome.Error);
    }

    private Task<VerifiedToken?> Verify(string secret) => _app.Get<TokenVerifier>().VerifyAsync(secret).AsTask();

    private async Task<TokenState> StateAsync(int tokenId)
    {
        await using var db = _app.CreateDbContext();
        return (await db.ApiTokens.SingleAsync(t => t.Id == tokenId)).StateAt(_app.Clock.GetUtcNow());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
