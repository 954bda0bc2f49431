using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;
using TokenAdmin.Jobs;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Jobs;

/// <summary>
/// The real Quartz scheduler on two nodes over one PostgreSQL database: one cluster, so each firing of a job runs
/// on one node only, and the schedule goes on on the other node when one stops.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed partial class ClusteredSchedulerTests
{
    private const int FiringsPerPhase = 3;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string?> CleanupEverySecond = new()
    {
        ["TokenAdmin:Jobs:Enabled"] = "true",
        ["TokenAdmin:Jobs:ExpiryInterval"] = "01:00:00",
        ["TokenAdmin:Jobs:CleanupInterval"] = "00:00:01",
    };

    [Fact]
    public async Task EachCleanupFiringRunsOnExactlyOneNodeAndTheOtherNodeGoesOnWhenOneStops()
    {
        await using var cluster = new TestCluster(settings: CleanupEverySecond, clocksRun: true);
        var expiredId = await NewExpiredTokenAsync(cluster.A);

        var before = await WaitForFiringsAsync(cluster.Nodes, FiringsPerPhase, since: 0);
        var runner = before[0].Node;
        var survivor = cluster.Nodes.Single(node => node != runner);
        // Only what the survivor logs from here on: its firings before the stop may be in the first phase already.
        var stoppedAt = survivor.Logs.Written;
        await cluster.StopAsync(runner);
        var after = await WaitForFiringsAsync([survivor], FiringsPerPhase, since: stoppedAt);

        var all = before.Concat(after).ToList();
        Assert.True(after.Count >= FiringsPerPhase, $"{after.Count} firings on the remaining node within {Limit}");
        Assert.All(all, firing => Assert.Equal(DeleteExpiredJob.Key.Name, firing.Trigger));
        Assert.Equal(all.Count, all.Select(firing => firing.ScheduledAt).Distinct().Count());
        Assert.All(after, firing => Assert.Same(survivor, firing.Node));
        Assert.Equal(["token.created", AuditEvents.TokenExpired, AuditEvents.TokenCleanedUp],
            await survivor.TokenEventsAsync(expiredId));
    }

    private static async Task<int> NewExpiredTokenAsync(TestApp node)
    {
        var owner = await node.OwnerAsync();
        var viewer = Arrange.AccountGrant(owner, AccessLevel.Viewer);
        var token = await node.NewTokenAsync(owner, Unique.Name("expired"), viewer);
        var past = node.Clock.GetUtcNow().AddHours(-1);
        await using var db = node.CreateDbContext();
        // Written as the app writes: under the write lock, so a cleanup running meanwhile sees all of it or none.
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        await db.ApiTokens.Where(t => t.Id == token.Token.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ExpiresAt, past));
        await transaction.CommitAsync();
        return token.Token.Id;
    }

    /// <returns>
    /// The cleanup firings the nodes logged after line <paramref name="since"/>, once there are at least
    /// <paramref name="wanted"/>.
    /// </returns>
    private static async Task<List<Firing>> WaitForFiringsAsync(IReadOnlyList<TestApp> nodes, int wanted, long since)
    {
        var deadline = DateTime.UtcNow + Limit;
        var firings = CleanupFirings(nodes, since);
        while (firings.Count < wanted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            firings = CleanupFirings(nodes, since);
        }
        Assert.True(firings.Count >= wanted, $"{firings.Count} cleanup firings within {Limit}");
        return firings;
    }

    private static List<Firing> CleanupFirings(IReadOnlyList<TestApp> nodes, long since) => nodes
        .SelectMany(node => node.Logs.LinesSince(since)
            .Where(line => line.Category == typeof(DeleteExpiredJob).FullName)
            .Select(line => FiringLine().Match(line.Text))
            .Where(match => match.Success)
            .Select(match => new Firing(node, match.Groups["trigger"].Value, match.Groups["at"].Value)))
        .ToList();

    [GeneratedRegex(@"fired by trigger (?<trigger>\S+) for (?<at>\S+) on scheduler node")]
    private static partial Regex FiringLine();

    private sealed record Firing(TestApp Node, string Trigger, string ScheduledAt);
}
