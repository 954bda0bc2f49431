using System.Net;
using System.Net.Sockets;
using Npgsql;
using TokenAdmin.CommandLine;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.CommandLine;

/// <summary>
/// PostgreSQL settings the app cannot use: the console and every command stop with one error line naming the
/// setting and the cause, and no stack trace.
/// </summary>
public sealed class UnusableDatabaseTests : IDisposable
{
    private const string Setting = "TokenAdmin:Database:ConnectionString";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tokenadmin-unusable-").FullName;

    public enum Start
    {
        Console,
        Command,
    }

    [Theory]
    [InlineData(Start.Console)]
    [InlineData(Start.Command)]
    public async Task TheRefusedAddressIsOneErrorLineWhenNobodyListensOnThePort(Start start)
    {
        var port = UnusedLoopbackPort();

        var result = await StartAsync(start, $"Host=127.0.0.1;Port={port};Username=tokenadmin;Database=tokenadmin");

        AssertOneErrorLine(
            $"Could not connect to the PostgreSQL database at 127.0.0.1:{port} ({Setting}): Connection refused.",
            result);
    }

    [Theory]
    [InlineData(Start.Console)]
    [InlineData(Start.Command)]
    [Trait("Database", "PostgreSql")]
    public async Task TheMissingDatabaseIsOneErrorLineWhenTheServerHasNoSuchDatabase(Start start)
    {
        var missing = new NpgsqlConnectionStringBuilder(PostgreSqlServer.Instance.AdminConnectionString)
        {
            Database = $"tokenadmin_missing_{Guid.NewGuid():N}",
        };

        var result = await StartAsync(start, missing.ConnectionString);

        AssertOneErrorLine(
            $"Could not connect to the PostgreSQL database at 127.0.0.1:{missing.Port} ({Setting}): "
                + $"database \"{missing.Database}\" does not exist.",
            result);
    }

    [Theory]
    [InlineData(Start.Console)]
    [InlineData(Start.Command)]
    [Trait("Database", "PostgreSql")]
    public async Task TheServersRefusalIsTheLastLineWhenTheUserMayNotCreateTables(Start start)
    {
        // Since PostgreSQL 15 only the database's owner may create tables in its public schema.
        var database = new NpgsqlConnectionStringBuilder(PostgreSqlServer.Instance.CreateDatabase());
        var user = $"tokenadmin_limited_{Guid.NewGuid():N}";
        await AdministerAsync($"CREATE ROLE \"{user}\" LOGIN");

        var result = await StartAsync(
            start, new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = user }.ConnectionString);

        await AdministerAsync($"DROP DATABASE \"{database.Database}\" WITH (FORCE)", $"DROP ROLE \"{user}\"");
        Assert.True(result.ExitCode == ExitCodes.Refused, result.ToString());
        // Before it, EF Core's log line names the statement that was refused; no stack trace anywhere.
        Assert.EndsWith(
            $"error: Could not prepare the PostgreSQL database at 127.0.0.1:{database.Port} ({Setting}): "
                + "permission denied for schema public.\n",
            result.Error);
        Assert.DoesNotContain("   at ", result.ToString());
    }

    [Theory]
    [InlineData(Start.Console)]
    [InlineData(Start.Command)]
    public async Task NoPartOfTheConnectionStringIsShownWhenItDoesNotParse(Start start)
    {
        // A password with a semicolon: Npgsql reads its tail as a keyword and quotes it in its own error.
        var result = await StartAsync(start, "Host=127.0.0.1;Username=tokenadmin;Password=Ab;SecretTail9=x");

        AssertOneErrorLine($"{Setting} is not a valid PostgreSQL connection string.", result);
        Assert.DoesNotContain("SecretTail9", result.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless; failing the run over it is not.
        }
    }

    private Task<ProcessResult> StartAsync(Start start, string connectionString)
    {
        // The console on a port of its own, should it ever get as far as listening.
        string[] what = start == Start.Command ? ["accounts", "list"] : ["--urls=http://127.0.0.1:0"];
        return AppProcess.RunAsync(_dataDirectory,
            [.. what, "--TokenAdmin:Database:Provider=PostgreSql", $"--{Setting}={connectionString}"]);
    }

    private static void AssertOneErrorLine(string expected, ProcessResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Refused, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Equal($"error: {expected}\n", result.Error);
    }

    private static async Task AdministerAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(PostgreSqlServer.Instance.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
