using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TokenAdmin.Api;

/// <summary>
/// A fixed window of requests per token, on the injected clock so its boundaries are testable without sleeping.
/// </summary>
public sealed class ApiRateLimiter(IOptions<ApiOptions> options, TimeProvider clock)
{
    // Windows of tokens that stopped calling are swept once there are this many.
    private const int SweepThreshold = 10_000;

    private readonly ConcurrentDictionary<int, Window> _windows = new();

    public bool IsEnabled => options.Value.RateLimit > 0;

    public RateDecision Acquire(int tokenId)
    {
        var limit = options.Value.RateLimit;
        var now = clock.GetUtcNow();
        if (_windows.Count > SweepThreshold)
            Sweep(now);

        var window = _windows.GetOrAdd(tokenId, _ => new Window());
        lock (window)
        {
            if (now >= window.EndsAt)
            {
                window.EndsAt = now + options.Value.RateLimitWindow;
                window.Used = 0;
            }
            if (window.Used >= limit)
                return new RateDecision(false, limit, 0, window.EndsAt - now);
            window.Used++;
            return new RateDecision(true, limit, limit - window.Used, window.EndsAt - now);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (tokenId, window) in _windows)
        {
            if (now >= window.EndsAt)
                _windows.TryRemove(tokenId, out _);
        }
    }

    private sealed class Window
    {
        public DateTimeOffset EndsAt { get; set; }

        public int Used { get; set; }
    }
}

public readonly record struct RateDecision(bool Allowed, int Limit, int Remaining, TimeSpan ResetsIn);
