using Quartz;
using TokenAdmin.Data;
using TokenAdmin.Tokens;

namespace TokenAdmin.Jobs;

public static class JobServices
{
    /// <summary>
    /// Registers the expiry and cleanup jobs. Their deadlines are instants stored in the database, so an
    /// in-memory scheduler loses nothing across restarts: the first run after start-up catches up.
    /// </summary>
    public static IServiceCollection AddTokenAdminJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>()
            .BindConfiguration(JobOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TokenLifecycle>();
        services.AddSingleton<Lifecycle>();

        var settings = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        var data = configuration.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions();
        services.AddQuartz(quartz =>
        {
            if (settings.PersistentStore)
                quartz.UsePersistentStore(store =>
                {
                    store.UseSqlite(sqlite => sqlite.ConnectionString = data.SchedulerConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                });
            quartz.AddJob<RecordExpiriesJob>(job => job.WithIdentity(RecordExpiriesJob.Key).StoreDurably());
            quartz.AddJob<DeleteExpiredJob>(job => job.WithIdentity(DeleteExpiredJob.Key).StoreDurably());
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<JobSchedule>();
        return services;
    }
}
