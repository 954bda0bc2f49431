namespace TokenAdmin.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database holds TokenAdmin's data (section <c>TokenAdmin:Database</c>). Read at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "TokenAdmin:Database";

    /// <summary>
    /// <c>Sqlite</c> (the default: a file in the data folder) or <c>PostgreSql</c> (a server named by
    /// <see cref="ConnectionString"/>).
    /// </summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>An Npgsql connection string; required for PostgreSQL, ignored for SQLite.</summary>
    public string ConnectionString { get; set; } = "";

    public static DatabaseOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

    public string? Problem() => Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString)
        ? $"{Section}:ConnectionString is required when {Section}:Provider is PostgreSql."
        : null;
}
