using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// A clock whose "now" only moves when a test says so, while timers still run in real time. MudBlazor takes its
/// debounce and snackbar timers from the same injected TimeProvider; with a frozen clock the UI would stall.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private long? _runningSince;

    /// <summary>
    /// From now on "now" also moves with real time, on top of what tests set: for the real Quartz scheduler, which
    /// takes the app's clock and would wait forever for a frozen one to reach its next firing.
    /// </summary>
    public void Run() => _runningSince = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _runningSince is { } since
        ? base.GetUtcNow() + Stopwatch.GetElapsedTime(since)
        : base.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
