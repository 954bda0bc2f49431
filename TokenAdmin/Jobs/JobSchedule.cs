using Microsoft.Extensions.Options;
using Quartz;

namespace TokenAdmin.Jobs;

/// <summary>Schedules the jobs at start-up with the intervals from settings; both run once right away.</summary>
public sealed class JobSchedule(ISchedulerFactory schedulers, IOptions<JobOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
            return;

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleJob(Every(RecordExpiriesJob.Key, options.Value.ExpiryInterval));
        await scheduler.ScheduleJob(Every(DeleteExpiredJob.Key, options.Value.CleanupInterval));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static ITrigger Every(JobKey job, TimeSpan interval) => TriggerBuilder.Create()
        .ForJob(job)
        .StartNow()
        .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever())
        .Build();
}
