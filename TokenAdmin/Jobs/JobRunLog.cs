using Quartz;

namespace TokenAdmin.Jobs;

/// <summary>Which node ran which firing: with several nodes, each firing should show up on exactly one.</summary>
public static partial class JobRunLog
{
    public static void Fired(this ILogger logger, IJobExecutionContext context) => Fired(
        logger, context.JobDetail.Key.Name, context.Trigger.Key.Name, context.ScheduledFireTimeUtc,
        context.Scheduler.SchedulerInstanceId);

    [LoggerMessage(LogLevel.Debug,
        "Job {JobName} fired by trigger {TriggerName} for {ScheduledAt:O} on scheduler node {InstanceId}")]
    private static partial void Fired(
        ILogger logger, string jobName, string triggerName, DateTimeOffset? scheduledAt, string instanceId);
}
