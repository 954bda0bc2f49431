using System.Diagnostics;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.CommandLine;

/// <summary>The built app started as a child process, the way an operator runs a command.</summary>
public static class AppProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static async Task<ProcessResult> RunAsync(
        string dataDirectory, IReadOnlyList<string> args, IDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(dataDirectory, args, environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not end within {Timeout}.");
        }
        return new ProcessResult(process.ExitCode, await output, await errors);
    }

    /// <summary>The built app with these arguments over the data folder, with no settings of the machine.</summary>
    /// <param name="app">Another build of the app's <c>TokenAdmin.dll</c>, such as a published one.</param>
    public static ProcessStartInfo StartInfo(
        string dataDirectory,
        IEnumerable<string> args,
        IDictionary<string, string>? environment = null,
        string? app = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };
        start.ArgumentList.Add(app ?? Path.Combine(AppContext.BaseDirectory, "TokenAdmin.dll"));
        // The command first; the database settings before the test's own, so a test's setting wins.
        var command = args.TakeWhile(arg => !arg.StartsWith("--TokenAdmin:", StringComparison.Ordinal)).ToList();
        foreach (var arg in command.Append($"--TokenAdmin:DataDirectory={dataDirectory}"))
            start.ArgumentList.Add(arg);
        foreach (var arg in DatabaseArguments(dataDirectory).Concat(args.Skip(command.Count)))
            start.ArgumentList.Add(arg);
        // Settings from the machine running the tests must not reach the app under test.
        foreach (var key in start.Environment.Keys.Where(IsAppSetting).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return start;
    }

    /// <summary>On PostgreSQL, the database of the test app that uses the same data folder.</summary>
    private static IEnumerable<string> DatabaseArguments(string dataDirectory) => TestDatabase.PostgreSqlByDefault
        ? TestDatabase.PostgreSqlArguments(TestDatabase.PostgreSqlFor(dataDirectory))
        : [];

    private static bool IsAppSetting(string key) =>
        key.StartsWith("TokenAdmin__", StringComparison.OrdinalIgnoreCase)
        || key is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT";
}

public sealed record ProcessResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
