using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace TokenAdmin.Data.PostgreSql;

/// <summary>
/// Readies the PostgreSQL database at start-up: connects, migrates, makes sure of the shared key. A database that
/// cannot be reached or prepared becomes a <see cref="DatabaseSetupException"/> saying why in one line.
/// </summary>
internal static class PostgreSqlStartup
{
    private const string Setting = DatabaseOptions.Section + ":ConnectionString";

    public static async Task PrepareAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        await ConnectAsync(db.Database, ct);

        try
        {
            await db.Database.MigrateAloneAsync(ct);
            await SharedKeyRing.EnsureKeyAsync(db, services, ct);
        }
        catch (Exception exception) when (NpgsqlFailure(exception) is { } failure)
        {
            throw new DatabaseSetupException($"Could not prepare {Where(db.Database)}: {Cause(failure)}", exception);
        }
    }

    // Through ADO.NET rather than EF Core, so a refused connection is this one message and no error log line.
    private static async Task ConnectAsync(DatabaseFacade database, CancellationToken ct)
    {
        try
        {
            var connection = database.GetDbConnection();
            await connection.OpenAsync(ct);
            await connection.CloseAsync();
        }
        catch (ArgumentException)
        {
            // A string that parses can still be refused here (one without a Host); Npgsql's message may quote it.
            throw new DatabaseSetupException(DatabaseOptions.InvalidConnectionString);
        }
        catch (NpgsqlException failure)
        {
            throw new DatabaseSetupException($"Could not connect to {Where(database)}: {Cause(failure)}", failure);
        }
    }

    private static string Where(DatabaseFacade database)
    {
        var settings = new NpgsqlConnectionStringBuilder(database.GetConnectionString());
        return $"the PostgreSQL database at {settings.Host}:{settings.Port} ({Setting})";
    }

    private static NpgsqlException? NpgsqlFailure(Exception exception) =>
        exception.AndCauses().OfType<NpgsqlException>().FirstOrDefault();

    // The server's own words ("password authentication failed for user ..."), else the innermost cause
    // ("Connection refused") rather than Npgsql's wrapper ("Failed to connect to ...").
    private static string Cause(DbException failure)
    {
        var text = failure is PostgresException server ? server.MessageText : DatabaseUnavailable.Reason(failure);
        return text.EndsWith('.') ? text : text + ".";
    }
}
