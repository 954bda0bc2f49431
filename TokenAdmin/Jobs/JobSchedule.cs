using Microsoft.Extensions.Options;
using Quartz;

namespace TokenAdmin.Jobs;

/// <summary>
/// Schedules the jobs at start-up with the intervals from settings; a new schedule runs once right away. Each job
/// has one trigger named after it, kept as it is when a node starts over a shared or persistent store with the
/// same interval: a trigger per start would make the job run once per node, or once per restart.
/// </summary>
public sealed class JobSchedule(ISchedulerFactory schedulers, IOptions<JobOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
            return;

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await KeepAsync(scheduler, RecordExpiriesJob.Key, options.Value.ExpiryInterval, cancellationToken);
        await KeepAsync(scheduler, DeleteExpiredJob.Key, options.Value.CleanupInterval, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task KeepAsync(IScheduler scheduler, JobKey job, TimeSpan interval, CancellationToken ct)
    {
        var key = new TriggerKey(job.Name);
        var existing = await scheduler.GetTrigger(key, ct);
        if (existing is ISimpleTrigger { RepeatInterval: var current } && current == interval)
            return;

        // Replacing is one store operation under the store's lock, so two nodes doing it at once cannot clash.
        await scheduler.ScheduleJob(Every(job, key, interval), ScheduleJobOptions.Replacing, ct);
    }

    private static ITrigger Every(JobKey job, TriggerKey key, TimeSpan interval) => TriggerBuilder.Create()
        .WithIdentity(key)
        .ForJob(job)
        .StartNow()
        .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever())
        .Build();
}
