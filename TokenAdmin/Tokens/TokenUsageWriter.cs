using Microsoft.Extensions.Options;
using TokenAdmin.Api;

namespace TokenAdmin.Tokens;

/// <summary>Writes noted last-used times on an interval, and once more when the app stops.</summary>
public sealed class TokenUsageWriter(
    TokenUsage usage,
    IOptions<ApiOptions> options,
    TimeProvider clock,
    ILogger<TokenUsageWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LastUsedFlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await WriteAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken);
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        try
        {
            await usage.FlushAsync(ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Last-used times are bookkeeping: a failed write is logged and tried again next time, never fatal.
            logger.LogWarning(error, "Writing tokens' last-used times failed");
        }
    }
}
