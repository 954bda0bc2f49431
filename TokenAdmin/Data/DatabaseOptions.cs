using Npgsql;

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

    // Names no part of the string: Npgsql's own parse errors quote keywords, which may be the tail of a password.
    public const string InvalidConnectionString =
        Section + ":ConnectionString is not a valid PostgreSQL connection string.";

    /// <summary>
    /// <c>Sqlite</c> (the default: a file in the data folder) or <c>PostgreSql</c> (a server named by
    /// <see cref="ConnectionString"/>).
    /// </summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>An Npgsql connection string; required for PostgreSQL, ignored for SQLite.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The provider's name as written in the settings when it names no provider; null otherwise.</summary>
    public string? UnknownProvider { get; private init; }

    /// <summary>Read by hand rather than bound: a mistyped provider is a clear message, not a binder crash.</summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var named = section[nameof(Provider)]?.Trim();
        var connectionString = section[nameof(ConnectionString)] ?? "";
        if (string.IsNullOrEmpty(named))
            return new DatabaseOptions { ConnectionString = connectionString };

        var known = Enum.GetValues<DatabaseProvider>()
            .Where(provider => string.Equals(provider.ToString(), named, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return known.Count == 1
            ? new DatabaseOptions { Provider = known[0], ConnectionString = connectionString }
            : new DatabaseOptions { UnknownProvider = named, ConnectionString = connectionString };
    }

    public string? Problem()
    {
        if (UnknownProvider is not null)
            return $"{Section}:Provider is '{UnknownProvider}'; it must be Sqlite or PostgreSql.";
        if (Provider != DatabaseProvider.PostgreSql)
            return null;
        if (string.IsNullOrWhiteSpace(ConnectionString))
            return $"{Section}:ConnectionString is required when {Section}:Provider is PostgreSql.";
        return ParsesAsPostgreSql(ConnectionString) ? null : InvalidConnectionString;
    }

    private static bool ParsesAsPostgreSql(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
