using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Data.PostgreSql;

/// <summary>
/// The rules SQLite's single writer gave for free, on PostgreSQL: write transactions wait for each other, so of
/// many concurrent changes that check the same thing only those that still pass after the others apply.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed class PostgreSqlWriteRulesTests : IAsyncDisposable
{
    private const int Racers = 6;
    private readonly TestApp _app = new(postgreSql: true);

    [Fact]
    public async Task SecondWriteTransactionWaitsUntilTheFirstCommits()
    {
        await using var first = _app.CreateDbContext();
        await using var second = _app.CreateDbContext();
        await using var firstTransaction = await first.Database.BeginWriteTransactionAsync();

        var secondBegins = second.Database.BeginWriteTransactionAsync();
        var waitedForLock = await WaitForAdvisoryLockWaiterAsync();
        var completedBeforeCommit = secondBegins.IsCompleted;
        await firstTransaction.CommitAsync();
        await using var secondTransaction = await secondBegins;

        Assert.True(waitedForLock);
        Assert.False(completedBeforeCommit);
    }

    [Fact]
    public async Task ExactlyOneResetAppliesWhenManyResetsOfOneTokenRace()
    {
        var owner = await _app.OwnerAsync();
        var viewer = Arrange.AccountGrant(owner, AccessLevel.Viewer);
        var token = await _app.NewTokenAsync(owner, Unique.Name("raced"), viewer);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Task.Run(() =>
            _app.Get<TokenResetService>().ResetAsync(owner, new TokenReset(token.Token.Id, TimeSpan.FromHours(1))))));

        await using var db = _app.CreateDbContext();
        Assert.Single(outcomes, outcome => outcome.Succeeded);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(TokenRefusals.AlreadyReset, o.Error));
        Assert.Equal(1, await db.ApiTokens.CountAsync(t => t.Name.StartsWith(token.Token.Name + " token ")));
    }

    [Fact]
    public async Task OneAdminTokenOfTheDomainRemainsWhenAllOfThemAreDeletedAtOnce()
    {
        var owner = await _app.OwnerAsync();
        var (domain, name) = await _app.NewDomainAsync(owner);
        var ids = new List<int> { await _app.DomainTokenIdAsync(domain) };
        for (var i = 1; i < Racers; i++)
        {
            var admin = await _app.NewTokenAsync(owner, $"admin {i}", new GrantRequest(domain, AccessLevel.Admin));
            ids.Add(admin.Token.Id);
        }

        var outcomes = await Task.WhenAll(ids.Select(id => Task.Run(
            () => _app.Get<TokenService>().DeleteAsync(owner, id))));

        await using var db = _app.CreateDbContext();
        Assert.Equal(Racers - 1, outcomes.Count(outcome => outcome.Succeeded));
        Assert.Equal(TokenRefusals.LastDomainToken(name), Assert.Single(outcomes, o => !o.Succeeded).Error);
        Assert.Equal(1, await db.ApiTokens.CountAsync(t => ids.Contains(t.Id)));
    }

    [Fact]
    public async Task OnlyOneEditAppliesWhenManyStartFromTheSameVersion()
    {
        var owner = await _app.OwnerAsync();
        var projects = new List<ResourceRef>();
        for (var i = 0; i < Racers; i++)
            projects.Add((await _app.NewProjectAsync(owner)).Ref);
        var first = new GrantRequest(projects[0], AccessLevel.Viewer);
        var token = await _app.NewTokenAsync(owner, Unique.Name("edited"), first);

        var outcomes = await Task.WhenAll(projects.Select(project => Task.Run(() =>
            _app.Get<TokenService>().UpdateGrantsAsync(
                owner, token.Token.Id, token.Token.Version, [new GrantRequest(project, AccessLevel.Admin)]))));

        await using var db = _app.CreateDbContext();
        var stored = await db.ApiTokens.Include(t => t.Access.Grants).SingleAsync(t => t.Id == token.Token.Id);
        var winner = projects[Array.FindIndex(outcomes, outcome => outcome.Succeeded)];
        Assert.Single(outcomes, outcome => outcome.Succeeded);
        Assert.Equal(token.Token.Version + 1, stored.Version);
        Assert.Equal([(ResourceType.Project, winner.Id, AccessLevel.Admin)], stored.Access.Grants.AsTriples());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <returns>Whether a session of this database came to wait for an advisory lock within ten seconds.</returns>
    private async Task<bool> WaitForAdvisoryLockWaiterAsync()
    {
        await using var db = _app.CreateDbContext();
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var waiting = await db.Database.SqlQuery<int>($"""
                SELECT COUNT(*)::int AS "Value" FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()
                """).SingleAsync();
            if (waiting > 0)
                return true;
            await Task.Delay(20);
        }
        return false;
    }
}
