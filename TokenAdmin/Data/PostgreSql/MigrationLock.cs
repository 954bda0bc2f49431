using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TokenAdmin.Data.PostgreSql;

internal static class MigrationLock
{
    // Any fixed number will do, as long as every node uses the same one (and it differs from the write lock's).
    internal const long Key = 0x546F6B656E4D6967;

    // Npgsql waits forever on a command with this timeout.
    private const int NoTimeout = 0;

    /// <summary>
    /// Applies pending migrations while holding a session-wide advisory lock, so nodes starting together on an
    /// empty database migrate one after the other instead of both creating the same tables. The wait for the lock
    /// and the migration have no command timeout: another node's migration takes as long as it takes.
    /// </summary>
    public static async Task MigrateAloneAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        var commandTimeout = database.GetCommandTimeout();
        await database.OpenConnectionAsync(ct);
        try
        {
            database.SetCommandTimeout(NoTimeout);
            await database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_lock({Key})", ct);
            await database.CreateHistoryTableAsync(ct);
            await database.MigrateAsync(ct);
            await database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_unlock({Key})", ct);
        }
        finally
        {
            database.SetCommandTimeout(commandTimeout);
            await database.CloseConnectionAsync();
        }
    }

    // Npgsql's migrator reads the applied migrations before it creates the history table; on an empty database
    // that read fails, and although Npgsql treats the failure as "none applied", EF Core logs it as an error.
    private static async Task CreateHistoryTableAsync(this DatabaseFacade database, CancellationToken ct) =>
        await database.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
}
