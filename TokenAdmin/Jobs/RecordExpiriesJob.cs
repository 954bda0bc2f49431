using Quartz;

namespace TokenAdmin.Jobs;

[DisallowConcurrentExecution]
public sealed class RecordExpiriesJob(Lifecycle lifecycle, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("record-expiries");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await lifecycle.RecordExpiriesAsync(clock.GetUtcNow(), cancellationToken);
}
