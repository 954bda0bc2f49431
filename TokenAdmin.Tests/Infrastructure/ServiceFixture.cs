namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// One running app per test class for service-level tests (no browser). Tests isolate themselves by their own
/// resources and names, not by restarting the host.
/// </summary>
public sealed class ServiceFixture : IAsyncDisposable
{
    public TestApp App { get; } = new();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
