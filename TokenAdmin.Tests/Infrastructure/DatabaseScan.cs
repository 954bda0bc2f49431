using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using TokenAdmin.Data;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>Reads every value of every table with raw SQL, below EF's mapping, to find what must not be kept.</summary>
public static class DatabaseScan
{
    private const string SqliteTables = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
    private const string PostgreSqlTables =
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name";

    /// <returns>"table.column" for every text or blob value that contains the text (blobs as UTF-8).</returns>
    public static List<string> ColumnsContaining(this TestApp app, string text)
    {
        using var connection = OpenReadOnly(app);
        var tablesQuery = connection is NpgsqlConnection ? PostgreSqlTables : SqliteTables;
        var hits = new List<string>();
        foreach (var table in TablesOf(connection, tablesQuery))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    if (Contains(reader.GetValue(column), text))
                        hits.Add($"{table}.{reader.GetName(column)}");
                }
            }
        }
        return hits;
    }

    private static DbConnection OpenReadOnly(TestApp app)
    {
        DbConnection connection = app.PostgreSqlConnectionString is { } postgres
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection(
                $"Data Source={app.Get<IOptions<DataOptions>>().Value.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static List<string> TablesOf(DbConnection connection, string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
            tables.Add(reader.GetString(0));
        return tables;
    }

    private static bool Contains(object value, string text) => value switch
    {
        string s => s.Contains(text, StringComparison.Ordinal),
        byte[] blob => blob.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0,
        _ => false,
    };
}
