namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// Which database a test app runs on: SQLite in its data folder, or with <c>TOKENADMIN_TEST_DATABASE=postgresql</c>
/// (or when a test asks for it) a database of its own on the run's <see cref="PostgreSqlServer"/>.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "TOKENADMIN_TEST_DATABASE";

    // Beside the data folder's files, so an app started again over the same folder finds the same database.
    private const string ConnectionFile = "postgresql-connection";

    public static bool PostgreSqlByDefault =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <returns>The connection string of the folder's database, created on first use.</returns>
    public static string PostgreSqlFor(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, ConnectionFile);
        if (File.Exists(file))
            return File.ReadAllText(file);
        var connectionString = PostgreSqlServer.Instance.CreateDatabase();
        File.WriteAllText(file, connectionString);
        return connectionString;
    }

    /// <summary>Points a data folder at an existing database, so that several apps (nodes) share it.</summary>
    public static void SharePostgreSql(string dataDirectory, string connectionString) =>
        File.WriteAllText(Path.Combine(dataDirectory, ConnectionFile), connectionString);

    public static IEnumerable<KeyValuePair<string, string?>> PostgreSqlSettings(string connectionString) =>
    [
        new("TokenAdmin:Database:Provider", "PostgreSql"),
        new("TokenAdmin:Database:ConnectionString", connectionString),
    ];

    /// <summary>The same settings as command-line arguments, for the app started as a child process.</summary>
    public static IEnumerable<string> PostgreSqlArguments(string connectionString) =>
        PostgreSqlSettings(connectionString).Select(setting => $"--{setting.Key}={setting.Value}");
}
