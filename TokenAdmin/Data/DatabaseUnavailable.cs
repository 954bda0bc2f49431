using Microsoft.Data.Sqlite;
using Npgsql;

namespace TokenAdmin.Data;

/// <summary>
/// Tells a database that cannot serve right now (down, restarting, unreachable, out of connections, locked past
/// the busy timeout) from a fault in what was asked of it: the first is worth retrying, the second is a bug.
/// </summary>
public static class DatabaseUnavailable
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN.
    private static readonly int[] SqliteCodes = [5, 6, 14];

    // Connection exception, insufficient resources, operator intervention (shutdown, restart).
    private static readonly string[] PostgreSqlClasses = ["08", "53", "57P"];

    public static bool Is(Exception error) => error.AndCauses().Any(IsUnavailable);

    /// <summary>The innermost cause in a few words for the log (no statement, no parameter, no secret).</summary>
    public static string Reason(Exception error) => error.AndCauses().Last().Message;

    private static bool IsUnavailable(Exception error) => error switch
    {
        PostgresException server => PostgreSqlClasses.Any(server.SqlState.StartsWith),
        // Not from the server: the connection itself failed or timed out.
        NpgsqlException => true,
        SqliteException sqlite => SqliteCodes.Contains(sqlite.SqliteErrorCode),
        _ => false,
    };
}
