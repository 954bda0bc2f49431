using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using TokenAdmin.Api;
using TokenAdmin.CommandLine;
using TokenAdmin.Tests.CommandLine;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Hardening;

/// <summary>
/// Issue 7: the process killed in the middle of resets and restarted leaves every token either untouched or
/// fully reset, never half. The real app runs as a child process; several streams send resets and the process
/// is killed after a random number of answers, while the other streams' resets are in flight.
/// </summary>
// On PostgreSQL a reset is over so quickly that kills rarely land inside one: the test runs on SQLite only.
[Trait("Database", "Sqlite")]
public sealed class KilledDuringResetTests : IDisposable
{
    public const string CallerName = "kill test caller";
    private const int Cycles = 5;

    // Whether a kill lands inside a request is a matter of timing: cycles go on until one has.
    private const int MaxCycles = 15;
    private const int TargetsPerCycle = 12;
    private const int Streams = 4;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tokenadmin-kill-").FullName;

    // Fixed so a failure replays the same kill points; the moments within a request still vary with timing.
    private readonly Random _random = new(20261204);

    [Fact]
    public async Task EachTokenIsUntouchedOrFullyResetWhenTheServerIsKilledDuringResets()
    {
        var (accountId, callerSecret) = await InstallAsync();
        var targets = new List<ResetTarget>();

        for (var cycle = 1; cycle <= Cycles || cycle <= MaxCycles && !AnyCutOff(targets); cycle++)
        {
            await using var server = await ServerProcess.StartAsync(_dataDirectory);
            using var client = server.Client(callerSecret);
            // A connection per request: HttpClient sends a request again when a reused connection dies, which
            // would turn most resets in flight at the kill into refused connections (see ResetState).
            client.DefaultRequestHeaders.ConnectionClose = true;
            var batch = await CreateTargetsAsync(client, accountId, cycle);
            await ResetUntilKilledAsync(server, client, batch);
            targets.AddRange(batch);
        }
        await using var restarted = await ServerProcess.StartAsync(_dataDirectory);

        var states = string.Join(", ", targets.CountBy(t => t.State).Select(pair => $"{pair.Key} {pair.Value}"));
        Assert.True(AnyCutOff(targets), $"no reset was in flight at a kill: {states}");
        Assert.DoesNotContain(targets, t => t.State is ResetState.Sent or ResetState.Rejected);
        var stored = await KilledResetChecks.AssertStoredAsync(_dataDirectory, targets);
        await KilledResetChecks.AssertSecretsAsync(restarted, targets, stored);
        var applied = targets.Count(t => t.State is ResetState.Unanswered or ResetState.ConnectionRefused
            && stored[t.Id].ResetAt is not null);
        TestContext.Current.TestOutputHelper?.WriteLine($"{states}; applied without an answer: {applied}");
    }

    private static bool AnyCutOff(List<ResetTarget> targets) => targets.Any(t => t.State == ResetState.Unanswered);

    /// <summary>A new install from the command line: the owner from settings, then an Admin token.</summary>
    private async Task<(int AccountId, string Secret)> InstallAsync()
    {
        var bootstrap = new Dictionary<string, string>
        {
            ["TokenAdmin__Bootstrap__OwnerEmail"] = "owner@example.test",
            ["TokenAdmin__Bootstrap__OwnerPassword"] = "Owner-pass-1",
            ["TokenAdmin__Bootstrap__AccountName"] = "Kill test",
        };
        var accounts = await AppProcess.RunAsync(_dataDirectory, ["accounts", "list"], bootstrap);
        Assert.True(accounts.ExitCode == ExitCodes.Done, accounts.ToString());
        var accountId = int.Parse(accounts.Out.Split('\t')[0]);

        var created = await AppProcess.RunAsync(_dataDirectory, ["tokens", "create", "--account", $"{accountId}",
            "--name", CallerName, "--grant", $"account:{accountId}:admin", "--never-expires"]);
        Assert.True(created.ExitCode == ExitCodes.Done, created.ToString());
        return (accountId, created.Out.Trim());
    }

    /// <summary>Tokens with Admin or Viewer on the account, some never expiring, others on a later day.</summary>
    private static async Task<List<ResetTarget>> CreateTargetsAsync(HttpClient client, int accountId, int cycle)
    {
        var targets = new List<ResetTarget>();
        for (var i = 0; i < TargetsPerCycle; i++)
        {
            DateTimeOffset? expiresAt = i % 3 == 0 ? null : new DateTimeOffset(DateTime.UtcNow.Date).AddDays(2 + i);
            var level = i % 2 == 0 ? 100 : 10;
            var grant = new { resource_type = "account", resource_id = accountId, access_level = level };
            var body = JsonSerializer.Serialize(new
            {
                name = $"kill c{cycle} t{i}",
                expires_at = ApiJson.Instant(expiresAt),
                resources = new[] { grant },
            });

            var answer = await client.SendPostAsync("/api/api_tokens", body);

            Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
            targets.Add(new ResetTarget(answer.Json.GetProperty("id").GetInt32(),
                answer.Json.GetProperty("name").GetString()!, answer.Json.GetProperty("token").GetString()!,
                expiresAt));
        }
        return targets;
    }

    /// <summary>Resets the batch in parallel streams and kills the server after a random number of answers.</summary>
    private async Task ResetUntilKilledAsync(ServerProcess server, HttpClient client, List<ResetTarget> batch)
    {
        var killAfter = _random.Next(1, batch.Count / 2);
        var queue = new ConcurrentQueue<ResetTarget>(batch);
        var answered = 0;
        using var killed = new CancellationTokenSource();

        async Task StreamAsync()
        {
            while (!killed.IsCancellationRequested && queue.TryDequeue(out var target))
            {
                await target.ResetAsync(client);
                if (target.State != ResetState.Answered || Interlocked.Increment(ref answered) != killAfter)
                    continue;
                killed.Cancel();
                server.Kill();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Streams).Select(_ => Task.Run(StreamAsync)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless; failing the run over it is not.
        }
    }
}
