namespace TokenAdmin.Tests.Infrastructure;

/// <summary>A running app with an owner and no browser, shared by the tests of one class.</summary>
public sealed class AppFixture : IAsyncDisposable
{
    public TestApp App { get; } = new();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
