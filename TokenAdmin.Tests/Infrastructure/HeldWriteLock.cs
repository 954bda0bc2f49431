using Npgsql;
using TokenAdmin.Data;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// The app's PostgreSQL write lock, held by a test on a connection of its own: every write transaction of every
/// node, a job's among them, waits inside its transaction until the test lets go. Statements the test runs
/// meanwhile on <see cref="Connection"/> are written under the lock, as the app's own writes are.
/// </summary>
public sealed class HeldWriteLock : IAsyncDisposable
{
    private HeldWriteLock(NpgsqlConnection connection) => Connection = connection;

    public NpgsqlConnection Connection { get; }

    public static async Task<HeldWriteLock> TakeAsync(string connectionString)
    {
        // Unpooled: a pooled connection would keep a session lock after closing, until it is used again.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync();
        await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        take.Parameters.AddWithValue("key", WriteTransactions.PostgreSqlWriteLock);
        await take.ExecuteNonQueryAsync();
        return new HeldWriteLock(connection);
    }

    /// <summary>Lets go of the lock; the writers waiting for it go on.</summary>
    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
