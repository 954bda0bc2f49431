using Quartz;

namespace TokenAdmin.Jobs;

[DisallowConcurrentExecution]
public sealed class RecordExpiriesJob(Lifecycle lifecycle, TimeProvider clock, ILogger<RecordExpiriesJob> logger)
    : IJob
{
    public static readonly JobKey Key = new("record-expiries");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        logger.Fired(context);
        await lifecycle.RecordExpiriesAsync(clock.GetUtcNow(), cancellationToken);
    }
}
