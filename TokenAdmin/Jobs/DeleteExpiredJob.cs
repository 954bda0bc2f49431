using Quartz;

namespace TokenAdmin.Jobs;

[DisallowConcurrentExecution]
public sealed class DeleteExpiredJob(Lifecycle lifecycle, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("delete-expired");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await lifecycle.DeleteExpiredAsync(clock.GetUtcNow(), cancellationToken);
}
