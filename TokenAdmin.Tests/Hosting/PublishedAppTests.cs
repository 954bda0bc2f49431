using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using TokenAdmin.Tests.Hardening;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Hosting;

/// <summary>
/// The app as operators run it: published in Release and started in Production from a folder of its own, not the
/// publish folder (a service's working directory, a node's data folder). Its pages must still load their scripts
/// and styles, or the console never becomes interactive while <c>/healthz</c> keeps answering ok.
/// </summary>
[Trait("Database", "Sqlite")]
[Collection(RunAloneCollection.Name)]
public sealed partial class PublishedAppTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);

    private readonly string _folder = Directory.CreateTempSubdirectory("tokenadmin-published-").FullName;

    [Fact]
    public async Task PagesLoadTheirScriptsAndStylesWhenStartedOutsideThePublishFolder()
    {
        var app = await PublishAsync(Path.Combine(_folder, "app"));
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        await using var server = await ServerProcess.StartAsync(elsewhere, app: app);
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var page = await client.GetStringAsync("/setup");
        var assets = AssetAddresses().Matches(page).Select(match => match.Groups["path"].Value).ToList();
        var served = await Task.WhenAll(assets.Select(async path =>
        {
            using var answer = await client.GetAsync(path);
            var body = await answer.Content.ReadAsByteArrayAsync();
            return (Path: path, answer.StatusCode, body.Length);
        }));

        Assert.Contains(assets, path => path.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));
        Assert.Contains(assets, path => path.EndsWith(".css", StringComparison.Ordinal));
        Assert.All(served, asset => Assert.True(
            asset is { StatusCode: HttpStatusCode.OK, Length: > 0 }, $"{asset}\n{server.Output()}"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <returns>The published <c>TokenAdmin.dll</c>.</returns>
    private static async Task<string> PublishAsync(string output)
    {
        var project = Path.Combine(RepositoryRoot(), "TokenAdmin", "TokenAdmin.csproj");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Restored already by the test build; restoring again would rewrite files other builds may be reading.
        foreach (var arg in new[] { "publish", project, "-c", "Release", "-o", output, "--no-restore", "--nologo" })
            start.ArgumentList.Add(arg);
        using var publish = Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await log}\n{await errors}");
        return Path.Combine(output, "TokenAdmin.dll");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TokenAdmin.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("TokenAdmin.sln not found above the tests.");
    }

    // The page's own scripts and style sheets, addressed relative to its <base href="/">.
    [GeneratedRegex(@"(?:src|href)=""(?<path>[^""/:][^"":]*\.(?:js|css))""")]
    private static partial Regex AssetAddresses();
}
