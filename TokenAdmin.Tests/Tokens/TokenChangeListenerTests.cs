using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

/// <summary>
/// One node on its own PostgreSQL database whose change log cannot be read (the table is renamed or locked under
/// it): its cache of verified tokens is trusted for <see cref="TokenChangeListener.StaleAfter"/> after the last
/// good poll, then emptied by every failed poll, and fills again once polls succeed. Tokens are deleted behind the
/// node's back, so only the fail-closed path can refuse them. Polls are seen in EF Core's command log.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed class TokenChangeListenerTests : IAsyncDisposable
{
    private const string Self = "/api/api_tokens/self";
    private const string ChangeLog = "TokenChanges";
    private const string MovedChangeLog = "TokenChangesMoved";
    private const string FailedPoll = "Failed executing DbCommand";
    private const string GoodPoll = "Executed DbCommand";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly TestApp _app = new(postgreSql: true);

    [Fact]
    public async Task CachedTokenIsRefusedWhenPollsFailedLongerThanStaleAfter()
    {
        var token = await CachedTokenDeletedBehindTheNodesBackAsync();
        using var client = _app.ApiClient(token.Secret);
        await _app.ExecuteAsync($"ALTER TABLE \"{ChangeLog}\" RENAME TO \"{MovedChangeLog}\"");
        await PollsRanAsync(FailedPoll);

        _app.Clock.Advance(TokenChangeListener.StaleAfter - TimeSpan.FromTicks(1));
        await PollsRanAsync(FailedPoll);
        var withinBound = (await client.SendGetAsync(Self)).Status;
        var cachedWithinBound = IsCached(token);
        var beforeStale = _app.Logs.Written;
        _app.Clock.Advance(TimeSpan.FromTicks(2));
        var pastBound = await StatusOnceRefusedAsync(client);

        Assert.Equal(HttpStatusCode.OK, withinBound);
        Assert.True(cachedWithinBound);
        Assert.Equal(HttpStatusCode.Unauthorized, pastBound);
        Assert.False(IsCached(token));
        Assert.DoesNotContain(StaleWarnings(0), line => line.Number <= beforeStale);
        Assert.Single(StaleWarnings(beforeStale));
    }

    [Fact]
    public async Task CachedTokenIsRefusedWhenAPollHangsLongerThanStaleAfter()
    {
        var token = await CachedTokenDeletedBehindTheNodesBackAsync();
        using var client = _app.ApiClient(token.Secret);
        await using var heldLock = await _app.LockTableAsync(ChangeLog);
        await PollWaitsForTheLockAsync();

        _app.Clock.Advance(TokenChangeListener.StaleAfter + TimeSpan.FromTicks(1));
        var pastBound = await StatusOnceRefusedAsync(client);

        Assert.Equal(HttpStatusCode.Unauthorized, pastBound);
        Assert.False(IsCached(token));
        Assert.NotEmpty(StaleWarnings(0));
    }

    [Fact]
    public async Task VerifiedTokenIsCachedAgainWhenPollsSucceedAgain()
    {
        await _app.ExecuteAsync($"ALTER TABLE \"{ChangeLog}\" RENAME TO \"{MovedChangeLog}\"");
        await PollsRanAsync(FailedPoll);
        _app.Clock.Advance(TokenChangeListener.StaleAfter);
        await PollsRanAsync(FailedPoll);
        var token = await NewTokenAsync();
        using var client = _app.ApiClient(token.Secret);
        var whileFailing = (await client.SendGetAsync(Self)).Status;
        await PollsRanAsync(FailedPoll);
        var cachedWhileFailing = IsCached(token);

        await _app.ExecuteAsync($"ALTER TABLE \"{MovedChangeLog}\" RENAME TO \"{ChangeLog}\"");
        await PollsRanAsync(GoodPoll);
        var recovered = (await client.SendGetAsync(Self)).Status;
        await PollsRanAsync(GoodPoll);

        Assert.Equal(HttpStatusCode.OK, whileFailing);
        Assert.False(cachedWhileFailing);
        Assert.Equal(HttpStatusCode.OK, recovered);
        Assert.True(IsCached(token));
        Assert.Single(StaleWarnings(0));
        Assert.Single(_app.Logs.LinesSince(0), line => line.Category == typeof(TokenChangeListener).FullName
            && line.Text.StartsWith("Reading token changes works again", StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IssuedToken> NewTokenAsync()
    {
        var owner = await _app.OwnerAsync();
        var grant = Arrange.AccountGrant(owner, AccessLevel.Viewer);
        return await _app.NewTokenAsync(owner, Unique.Name("listener token"), grant);
    }

    /// <returns>A token the node has cached, now deleted with no change-log entry.</returns>
    private async Task<IssuedToken> CachedTokenDeletedBehindTheNodesBackAsync()
    {
        var token = await NewTokenAsync();
        using var client = _app.ApiClient(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendGetAsync(Self)).Status);
        Assert.True(IsCached(token));

        await _app.ExecuteAsync($"DELETE FROM \"ApiTokens\" WHERE \"Id\" = {token.Token.Id}");
        return token;
    }

    private bool IsCached(IssuedToken token) =>
        _app.Get<VerifiedTokenCache>().TryGet(SecretHash.Of(token.Secret), out _);

    /// <summary>
    /// Waits until two polls with the given outcome logged their query after this call: the second one's line
    /// means the first poll, started after whatever the test did last, has run to its end. Once a failed poll
    /// is seen after renaming the table, no good poll that started before can still stamp its success.
    /// </summary>
    private async Task PollsRanAsync(string outcome)
    {
        var mark = _app.Logs.Written;
        await WithinDeadlineAsync(() => Task.FromResult(PollLines(mark, outcome) >= 2), $"two polls: {outcome}");
    }

    private async Task PollWaitsForTheLockAsync()
    {
        const string waiting = $"""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND wait_event_type = 'Lock' AND query LIKE '%FROM "{ChangeLog}"%'
            """;
        await WithinDeadlineAsync(async () => await _app.CountAsync(waiting) > 0, "a poll waiting for the lock");
    }

    private static async Task WithinDeadlineAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Deadline, $"no {what} within {Deadline}");
            await Task.Delay(10);
        }
    }

    private int PollLines(long mark, string outcome) => _app.Logs.LinesSince(mark).Count(line =>
        line.Category == "Microsoft.EntityFrameworkCore.Database.Command"
        && line.Text.StartsWith(outcome, StringComparison.Ordinal)
        && line.Text.Contains($"FROM \"{ChangeLog}\"", StringComparison.Ordinal));

    private IEnumerable<LogLine> StaleWarnings(long mark) => _app.Logs.LinesSince(mark).Where(line =>
        line.Level == LogLevel.Warning
        && line.Category == typeof(TokenChangeListener).FullName
        && line.Text.StartsWith("Reading token changes failed", StringComparison.Ordinal));

    /// <returns>401 once the node refuses the token, or the last status answered when the deadline passed.</returns>
    private static async Task<HttpStatusCode> StatusOnceRefusedAsync(HttpClient client)
    {
        var waited = Stopwatch.StartNew();
        var status = (await client.SendGetAsync(Self)).Status;
        // Spaced out: the token's rate limit allows 150 requests in a window that the held clock never ends.
        while (status != HttpStatusCode.Unauthorized && waited.Elapsed < Deadline)
        {
            await Task.Delay(50);
            status = (await client.SendGetAsync(Self)).Status;
        }
        return status;
    }
}
