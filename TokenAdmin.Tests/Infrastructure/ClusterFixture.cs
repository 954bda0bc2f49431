namespace TokenAdmin.Tests.Infrastructure;

/// <summary>Two nodes over one PostgreSQL database, shared by a test class; tests isolate by their own data.</summary>
public sealed class ClusterFixture : IAsyncDisposable
{
    public TestCluster Cluster { get; } = new();

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
