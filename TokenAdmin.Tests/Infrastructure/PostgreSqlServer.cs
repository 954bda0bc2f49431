using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's binaries (package <c>postgresql</c>), started once per test run on
/// a free loopback port, with its data and socket in a temporary folder, and removed when the run ends. Each test
/// app gets a database of its own. Without the binaries the tests that need it fail, they are not skipped.
/// </summary>
public sealed class PostgreSqlServer
{
    private static readonly Lazy<PostgreSqlServer> Shared = new(StartCluster);

    private readonly string _binaries;
    private readonly string _folder;

    private PostgreSqlServer(string binaries, string folder, int port)
    {
        _binaries = binaries;
        _folder = folder;
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    public static PostgreSqlServer Instance => Shared.Value;

    public string AdminConnectionString { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <returns>The connection string of a new, empty database.</returns>
    public string CreateDatabase()
    {
        var name = $"tokenadmin_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }
            .ConnectionString;
    }

    public void DropDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(connection);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A cluster of the caller's own, for a test that stops and starts its server; <see cref="Remove"/> it after.
    /// </summary>
    public static PostgreSqlServer StartAnother() => StartCluster();

    /// <summary>Stops the server at once, as a crash or an outage would; <see cref="Start"/> brings it back.</summary>
    public void Stop() => RunTool("pg_ctl", "-D", DataFolder, "-m", "immediate", "stop");

    public void Start()
    {
        var port = new NpgsqlConnectionStringBuilder(AdminConnectionString).Port;
        // Durability settings off: a throwaway cluster trades crash safety for speed.
        RunTool("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w",
            "-o", $"-h 127.0.0.1 -p {port} -k {_folder} -c fsync=off -c synchronous_commit=off "
                + "-c full_page_writes=off -c max_connections=300",
            "start");
    }

    public void Remove()
    {
        if (!Directory.Exists(_folder))
            return;
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            Stop();
        Directory.Delete(_folder, recursive: true);
    }

    private static PostgreSqlServer StartCluster()
    {
        var binaries = FindBinaries();
        var folder = Directory.CreateTempSubdirectory("tokenadmin-postgres-").FullName;
        var server = new PostgreSqlServer(binaries, folder, FreePort());
        if (PostgreSqlTools.RunsAsRoot)
            PostgreSqlTools.Run("chown", "-R", "postgres:postgres", folder);

        server.RunTool("initdb", "-D", server.DataFolder, "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        server.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Remove();
        return server;
    }

    private void RunTool(string tool, params string[] args) =>
        PostgreSqlTools.RunAsPostgres(Path.Combine(_binaries, tool), args);

    private static string FindBinaries()
    {
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => bin, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries were not found under /usr/lib/postgresql/*/bin. Install Debian's "
            + "PostgreSQL (apt-get install -y postgresql) to run the PostgreSQL tests.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Runs PostgreSQL's tools; as root through <c>runuser</c>, since the server refuses to run as root.</summary>
internal static class PostgreSqlTools
{
    public static bool RunsAsRoot => Environment.UserName == "root";

    public static void RunAsPostgres(string file, params string[] args)
    {
        if (RunsAsRoot)
            Run("runuser", ["-u", "postgres", "--", file, .. args]);
        else
            Run(file, args);
    }

    public static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed "
                + $"({process.ExitCode}): {errors}{output.Result}");
    }
}
