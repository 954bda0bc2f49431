using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TokenAdmin.Data.PostgreSql;
using TokenAdmin.Tokens;

namespace TokenAdmin.Data;

public static class DataServices
{
    public static IServiceCollection AddTokenAdminData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataOptions>()
            .BindConfiguration(DataOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var database = DatabaseOptions.From(configuration);
        if (database.Problem() is { } problem)
            throw new InvalidOperationException(problem);
        if (database.Provider == DatabaseProvider.PostgreSql)
            services.AddPostgreSql(database.ConnectionString);
        else
            services.AddDbContextFactory<AppDbContext>((provider, options) =>
                options.UseSqlite(provider.GetRequiredService<IOptions<DataOptions>>().Value.ConnectionString));
        services.AddScoped(provider =>
            provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        var keys = services.AddDataProtection().SetApplicationName("TokenAdmin");
        if (database.Provider == DatabaseProvider.PostgreSql)
            keys.PersistKeysToDbContext<PostgreSqlDbContext>();
        else
            keys.PersistKeysBesideTheDatabase();
        return services;
    }

    /// <exception cref="DatabaseSetupException">The database cannot be reached or prepared.</exception>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var data = services.GetRequiredService<IOptions<DataOptions>>().Value;
        Directory.CreateDirectory(data.FullDataDirectory);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            return;
        }

        await PostgreSqlStartup.PrepareAsync(db, services, ct);
    }

    private static void AddPostgreSql(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<PostgreSqlDbContext>(options => options
            .UseNpgsql(connectionString)
            .AddInterceptors(CaseInsensitiveLike.Instance));
        services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory>();
        services.AddHostedService<TokenChangeListener>();
    }

    // Keys beside the database: a restart keeps people signed in and encrypted secrets readable.
    private static void PersistKeysBesideTheDatabase(this IDataProtectionBuilder keys) =>
        keys.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<DataOptions>, ILoggerFactory>((options, data, loggers) =>
                options.XmlRepository = new FileSystemXmlRepository(
                    Directory.CreateDirectory(data.Value.KeysDirectory), loggers));
}
