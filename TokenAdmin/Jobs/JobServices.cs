using Quartz;
using TokenAdmin.Data;
using TokenAdmin.Tokens;

namespace TokenAdmin.Jobs;

public static class JobServices
{
    /// <summary>
    /// Registers the expiry and cleanup jobs. Their deadlines are instants stored in the database, so an
    /// in-memory scheduler loses nothing across restarts: the first run after start-up catches up. On PostgreSQL
    /// the schedule lives in the same database and the nodes form one Quartz cluster, so each run happens on one
    /// node only, and a node that stops checking in has its work taken over by another.
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
        var database = DatabaseOptions.From(configuration);
        services.AddQuartz(quartz =>
        {
            if (database.Provider == DatabaseProvider.PostgreSql)
                quartz.UsePersistentStore(store => store.UseSharedPostgreSql(database.ConnectionString, settings));
            else if (settings.PersistentStore)
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

    private static void UseSharedPostgreSql(
        this IPersistentStoreBuilder store, string connectionString, JobOptions settings)
    {
        store.UsePostgres(connectionString);
        store.UseSystemTextJsonSerializer();
        store.ProvisionSchema();
        // Each node gets an instance id of its own, generated at start-up.
        store.UseClustering(cluster => cluster.CheckinInterval = settings.ClusterCheckinInterval);
    }
}
