using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TokenAdmin.Data.PostgreSql;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Data.PostgreSql;

[Trait("Database", "PostgreSql")]
public sealed class MigrationLockTests
{
    private const int CommandTimeoutSeconds = 1;

    [Fact]
    public async Task TheAppStartsWhenAnotherNodeHoldsTheMigrationLockLongerThanTheCommandTimeout()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tokenadmin-pg-lock-").FullName;
        var connectionString = TestDatabase.PostgreSqlFor(dataDirectory);
        var settings = new Dictionary<string, string?>
        {
            ["TokenAdmin:Database:ConnectionString"] = $"{connectionString};Command Timeout={CommandTimeoutSeconds}",
        };
        Task<TestApp> starting;
        double waitedSeconds;

        await using (var holder = await HeldAdvisoryLock.TakeAsync(connectionString, MigrationLock.Key))
        {
            starting = Task.Run(() => new TestApp(settings: settings, dataDirectory: dataDirectory, postgreSql: true));
            waitedSeconds = await WaitWhileTheAppWaitsAsync(holder.Connection, 2 * CommandTimeoutSeconds, starting);
        }

        await using (var app = await starting)
        {
            Assert.True(waitedSeconds >= 2 * CommandTimeoutSeconds, $"the app waited {waitedSeconds} s");
            await using var db = app.CreateDbContext();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(1, await db.Accounts.CountAsync());
        }
        PostgreSqlServer.Instance.DropDatabase(connectionString);
        Directory.Delete(dataDirectory, recursive: true);
    }

    /// <returns>
    /// How long, by the database's clock, another session of this database has been waiting for an advisory lock
    /// once that reaches <paramref name="seconds"/>; the app's start-up failing first fails the test with its error.
    /// </returns>
    private static async Task<double> WaitWhileTheAppWaitsAsync(
        NpgsqlConnection holder, double seconds, Task<TestApp> starting)
    {
        await using var waited = new NpgsqlCommand("""
            SELECT COALESCE(MAX(EXTRACT(EPOCH FROM clock_timestamp() - query_start)), 0)::float8
            FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
            """, holder);
        var limit = Stopwatch.StartNew();
        var longest = 0.0;
        while (longest < seconds && limit.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (starting.IsCompleted)
            {
                await (await starting).DisposeAsync();
                Assert.Fail("The app started while another session held the migration lock.");
            }
            await Task.Delay(50);
            longest = (double)(await waited.ExecuteScalarAsync())!;
        }
        return longest;
    }
}
