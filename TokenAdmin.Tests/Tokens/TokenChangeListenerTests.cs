using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Npgsql;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

/// <summary>
/// One node on its own PostgreSQL database whose change log cannot be read (the table is renamed under it): its
/// cache of verified tokens is trusted for <see cref="TokenChangeListener.StaleAfter"/> after the last good poll,
/// then emptied by every failed poll, and fills again once polls succeed. Polls are seen in EF Core's command log.
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
        var token = await NewTokenAsync();
        using var client = _app.ApiClient(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendGetAsync(Self)).Status);
        Assert.True(IsCached(token));

        await RenameTableAsync(ChangeLog, MovedChangeLog);
        await ExecuteAsync($"DELETE FROM \"ApiTokens\" WHERE \"Id\" = {token.Token.Id}");
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
        Assert.NotEmpty(StaleWarnings(beforeStale));
    }

    [Fact]
    public async Task VerifiedTokenIsCachedAgainWhenPollsSucceedAgain()
    {
        await RenameTableAsync(ChangeLog, MovedChangeLog);
        await PollsRanAsync(FailedPoll);
        _app.Clock.Advance(TokenChangeListener.StaleAfter);
        await PollsRanAsync(FailedPoll);
        var token = await NewTokenAsync();
        using var client = _app.ApiClient(token.Secret);
        var whileFailing = (await client.SendGetAsync(Self)).Status;
        await PollsRanAsync(FailedPoll);
        var cachedWhileFailing = IsCached(token);

        await RenameTableAsync(MovedChangeLog, ChangeLog);
        await PollsRanAsync(GoodPoll);
        var recovered = (await client.SendGetAsync(Self)).Status;
        await PollsRanAsync(GoodPoll);

        Assert.Equal(HttpStatusCode.OK, whileFailing);
        Assert.False(cachedWhileFailing);
        Assert.Equal(HttpStatusCode.OK, recovered);
        Assert.True(IsCached(token));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IssuedToken> NewTokenAsync()
    {
        var owner = await _app.OwnerAsync();
        var grant = Arrange.AccountGrant(owner, AccessLevel.Viewer);
        return await _app.NewTokenAsync(owner, Unique.Name("listener token"), grant);
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
        var waited = Stopwatch.StartNew();
        while (PollLines(mark, outcome) < 2)
        {
            Assert.True(waited.Elapsed < Deadline, $"no two polls logged \"{outcome}\" within {Deadline}");
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
        while (status != HttpStatusCode.Unauthorized && waited.Elapsed < Deadline)
        {
            await Task.Delay(10);
            status = (await client.SendGetAsync(Self)).Status;
        }
        return status;
    }

    private Task RenameTableAsync(string from, string to) =>
        ExecuteAsync($"ALTER TABLE \"{from}\" RENAME TO \"{to}\"");

    /// <summary>Changes the database behind the app's back: nothing it does writes a change-log entry.</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_app.PostgreSqlConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
