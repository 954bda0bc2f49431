namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// Several nodes of the app on their own loopback ports over one PostgreSQL database of the run's cluster, as
/// behind a load balancer. Each node has a data folder of its own, so nothing is shared through files; their
/// clocks start at the same instant.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly string _connectionString = PostgreSqlServer.Instance.CreateDatabase();
    private readonly List<TestApp> _nodes = [];

    /// <param name="clocksRun">Whether the nodes' clocks also move with real time, as Quartz needs.</param>
    public TestCluster(int nodeCount = 2, IDictionary<string, string?>? settings = null, bool clocksRun = false)
    {
        var start = DateTimeOffset.UtcNow;
        var folders = Enumerable.Range(0, nodeCount)
            .Select(i => Directory.CreateTempSubdirectory($"tokenadmin-node{i}-").FullName)
            .ToList();
        folders.ForEach(folder => TestDatabase.SharePostgreSql(folder, _connectionString));
        // All nodes start at once on the empty database, as they do behind a load balancer after a deploy.
        var starting = folders.Select(folder => Task.Run(() => new TestApp(
            settings: settings, dataDirectory: folder, start: start, postgreSql: true, clockRuns: clocksRun)));
        _nodes.AddRange(Task.WhenAll(starting).GetAwaiter().GetResult());
    }

    public IReadOnlyList<TestApp> Nodes => _nodes;

    public TestApp A => _nodes[0];

    public TestApp B => _nodes[1];

    /// <summary>Stops one node while the others go on.</summary>
    public async Task StopAsync(TestApp node)
    {
        await node.DisposeAsync();
        Directory.Delete(node.DataDirectory, recursive: true);
        _nodes.Remove(node);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.ToList())
            await StopAsync(node);
        PostgreSqlServer.Instance.DropDatabase(_connectionString);
    }
}
