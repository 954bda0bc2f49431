using Npgsql;
using TokenAdmin.Audit;
using TokenAdmin.CommandLine;
using TokenAdmin.Data;
using TokenAdmin.Jobs;
using TokenAdmin.Tests.CommandLine;
using TokenAdmin.Tests.Hardening;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Jobs;

/// <summary>
/// Two nodes of the built app as child processes over one PostgreSQL database, one of them killed (SIGKILL) while
/// it runs the cleanup job: what the dead node had begun leaves no trace, and the other node, once the dead one
/// has missed its check-ins, recovers the job's trigger and does the cleanup exactly once.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed class NodeCrashTests : IAsyncLifetime
{
    private const string VictimName = "Expires while its cleaner dies";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly string[] ClusterSettings =
    [
        "--TokenAdmin:Jobs:Enabled=true",
        "--TokenAdmin:Jobs:ExpiryInterval=01:00:00",
        "--TokenAdmin:Jobs:CleanupInterval=00:00:01",
        "--TokenAdmin:Jobs:ClusterCheckinInterval=00:00:01",
        // Each firing is logged with the node's scheduler instance id, which tells the test who runs what.
        "--Logging:LogLevel:TokenAdmin.Jobs=Debug",
    ];

    private readonly string _connectionString = PostgreSqlServer.Instance.CreateDatabase();
    private readonly List<string> _folders = [];
    private readonly List<ServerProcess> _nodes = [];

    [Fact]
    public async Task CleanupOfANodeKilledMidRunIsDoneOnceByTheOtherNodeAfterItMissesItsCheckIns()
    {
        var tokenId = await NewTokenAsync();
        _nodes.AddRange(await Task.WhenAll(StartNodeAsync(), StartNodeAsync()));

        var writeLock = await HeldAdvisoryLock.TakeAsync(_connectionString, WriteTransactions.PostgreSqlWriteLock);
        await ExpireAsync(writeLock.Connection, tokenId);
        var runner = await WaitForCleanupRunnerAsync();
        var victim = await WaitForNodeLoggingAsync(runner);
        var survivor = _nodes.Single(node => node != victim);
        victim.Kill();
        await writeLock.DisposeAsync();
        var tokenLeft = await WaitUntilDeletedAsync(tokenId);

        Assert.False(tokenLeft, $"token {tokenId} still there {Limit} after its cleaner died:\n{survivor.Output()}");
        Assert.Equal([AuditEvents.TokenCreated, AuditEvents.TokenExpired, AuditEvents.TokenCleanedUp],
            await TokenEventsAsync(tokenId));
        Assert.DoesNotContain(runner, await SchedulerInstancesAsync());
        Assert.Contains($"fired by trigger {DeleteExpiredJob.Key.Name}", survivor.Output());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        PostgreSqlServer.Instance.DropDatabase(_connectionString);
        foreach (var folder in _folders)
            Directory.Delete(folder, recursive: true);
    }

    private string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("tokenadmin-crash-").FullName;
        TestDatabase.SharePostgreSql(folder, _connectionString);
        _folders.Add(folder);
        return folder;
    }

    private IEnumerable<string> DatabaseSettings() => TestDatabase.PostgreSqlArguments(_connectionString);

    private Task<ServerProcess> StartNodeAsync() =>
        ServerProcess.StartAsync(NewFolder(), DatabaseSettings().Concat(ClusterSettings));

    /// <summary>An owner and a token that never expires, made by the operator command line before nodes run.</summary>
    private async Task<int> NewTokenAsync()
    {
        var bootstrap = new Dictionary<string, string>
        {
            ["TokenAdmin__Bootstrap__OwnerEmail"] = TestApp.OwnerEmail,
            ["TokenAdmin__Bootstrap__OwnerPassword"] = TestApp.OwnerPassword,
            ["TokenAdmin__Bootstrap__AccountName"] = "Crash account",
        };
        string[] create =
        [
            "tokens", "create", "--account", "1", "--name", VictimName, "--grant", "account:1:viewer",
            "--never-expires",
        ];
        var created = await AppProcess.RunAsync(NewFolder(), [.. create, .. DatabaseSettings()], bootstrap);
        Assert.True(created.ExitCode == ExitCodes.Done, created.ToString());
        const string byName = """SELECT "Id" FROM "ApiTokens" WHERE "Name" = @name""";
        var ids = await QueryAsync(byName, reader => reader.GetInt32(0), ("name", VictimName));
        return Assert.Single(ids);
    }

    private static async Task ExpireAsync(NpgsqlConnection connection, int tokenId)
    {
        await using var expire = new NpgsqlCommand(
            """UPDATE "ApiTokens" SET "ExpiresAt" = @past WHERE "Id" = @id""", connection);
        expire.Parameters.AddWithValue("past", DateTimeOffset.UtcNow.AddHours(-1).UtcTicks);
        expire.Parameters.AddWithValue("id", tokenId);
        Assert.Equal(1, await expire.ExecuteNonQueryAsync());
    }

    /// <returns>The scheduler instance id of the node whose cleanup run waits for the write lock.</returns>
    private async Task<string> WaitForCleanupRunnerAsync()
    {
        const string executing = """
            SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = @job AND state = 'EXECUTING'
            """;
        var deadline = DateTime.UtcNow + Limit;
        var runners = await QueryAsync(executing, reader => reader.GetString(0), ("job", DeleteExpiredJob.Key.Name));
        while (runners.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            runners = await QueryAsync(executing, reader => reader.GetString(0), ("job", DeleteExpiredJob.Key.Name));
        }
        return Assert.Single(runners);
    }

    private async Task<ServerProcess> WaitForNodeLoggingAsync(string instanceId)
    {
        var line = $"on scheduler node {instanceId}";
        var deadline = DateTime.UtcNow + Limit;
        while (!_nodes.Any(node => node.Output().Contains(line)) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        return _nodes.Single(node => node.Output().Contains(line));
    }

    /// <returns>Whether the token is still there when the time limit is up.</returns>
    private async Task<bool> WaitUntilDeletedAsync(int tokenId)
    {
        const string count = """SELECT count(*) FROM "ApiTokens" WHERE "Id" = @id""";
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await QueryAsync(count, reader => reader.GetInt64(0), ("id", tokenId)) is [0])
                return false;
            await Task.Delay(100);
        }
        return true;
    }

    private Task<List<string>> TokenEventsAsync(int tokenId) => QueryAsync(
        """
        SELECT "Event" FROM "AuditEntries" WHERE "SubjectType" = 'token' AND "SubjectId" = @id ORDER BY "Id"
        """,
        reader => reader.GetString(0), ("id", tokenId.ToString()));

    private Task<List<string>> SchedulerInstancesAsync() =>
        QueryAsync("SELECT instance_name FROM qrtz_scheduler_state", reader => reader.GetString(0));

    private Task<List<T>> QueryAsync<T>(
        string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters) =>
        RawPostgreSql.QueryAsync(_connectionString, sql, read, parameters);
}
