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
        // A pooled connection would keep the lock after closing; an unpooled one lets go with its session.
        var connection = await RawPostgreSql.OpenUnpooledAsync(connectionString);
        await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        take.Parameters.AddWithValue("key", key);
        await take.ExecuteNonQueryAsync();
        return new HeldAdvisoryLock(connection);
    }

    /// <summary>Lets go of the lock; the nodes waiting for it go on.</summary>
    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
