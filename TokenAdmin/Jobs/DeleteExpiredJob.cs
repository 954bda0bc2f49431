using Quartz;

namespace TokenAdmin.Jobs;

[DisallowConcurrentExecution]
public sealed class DeleteExpiredJob(Lifecycle lifecycle, TimeProvider clock, ILogger<DeleteExpiredJob> logger) : IJob
{
    public static readonly JobKey Key = new("delete-expired");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        logger.Fired(context);
        await lifecycle.DeleteExpiredAsync(clock.GetUtcNow(), cancellationToken);
    }
}
