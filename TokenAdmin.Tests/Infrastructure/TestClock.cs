using Microsoft.Extensions.Time.Testing;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// A clock whose "now" only moves when a test says so, while timers still run in real time. MudBlazor takes its
/// debounce and snackbar timers from the same injected TimeProvider; with a frozen clock the UI would stall.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
