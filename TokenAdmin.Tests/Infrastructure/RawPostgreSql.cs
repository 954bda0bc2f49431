using Npgsql;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// SQL on a PostgreSQL app's database through a connection of the test's own, behind the app's back: nothing
/// the app does for its own changes (change-log entries, cache invalidation) happens.
/// </summary>
public static class RawPostgreSql
{
    public static async Task ExecuteAsync(this TestApp app, string sql)
    {
        await using var connection = await app.OpenPostgreSqlAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(this TestApp app, string sql)
    {
        await using var connection = await app.OpenPostgreSqlAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// Takes an exclusive lock on the table and holds it, in an open transaction, until disposed: the connection
    /// is not pooled, so closing it ends the transaction.
    /// </summary>
    public static async Task<IAsyncDisposable> LockTableAsync(this TestApp app, string table)
    {
        var connection = await app.OpenPostgreSqlAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"LOCK TABLE \"{table}\"", connection, transaction))
            await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Rows of a query, each read by <paramref name="read"/>, on a connection of its own.</summary>
    public static async Task<List<T>> QueryAsync<T>(
        string connectionString,
        string sql,
        Func<NpgsqlDataReader, T> read,
        params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenUnpooledAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>Unpooled: closing it ends the session, and with it any lock or transaction it holds.</summary>
    public static async Task<NpgsqlConnection> OpenUnpooledAsync(string connectionString)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static Task<NpgsqlConnection> OpenPostgreSqlAsync(this TestApp app) =>
        OpenUnpooledAsync(app.PostgreSqlConnectionString
            ?? throw new InvalidOperationException("The app runs on SQLite, not PostgreSQL."));
}
