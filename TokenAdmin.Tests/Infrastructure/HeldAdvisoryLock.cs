using Npgsql;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// One of the app's PostgreSQL advisory locks (the write lock, the migration lock), held by a test on a connection
/// of its own: every node that needs it waits until the test lets go. Statements the test runs meanwhile on
/// <see cref="Connection"/> are made under the lock, as the app's own are.
/// </summary>
public sealed class HeldAdvisoryLock : IAsyncDisposable
{
    private HeldAdvisoryLock(NpgsqlConnection connection) => Connection = connection;

    public NpgsqlConnection Connection { get; }

    public static async Task<HeldAdvisoryLock> TakeAsync(string connectionString, long key)
    {
        // Unpooled: closing the connection ends the session and with it the lock; a pooled one would keep it.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync();
        await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        take.Parameters.AddWithValue("key", key);
        await take.ExecuteNonQueryAsync();
        return new HeldAdvisoryLock(connection);
    }

    /// <summary>Lets go of the lock; the nodes waiting for it go on.</summary>
    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
