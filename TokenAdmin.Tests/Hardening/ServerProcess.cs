using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TokenAdmin.Tests.CommandLine;

namespace TokenAdmin.Tests.Hardening;

/// <summary>
/// The built app serving its console and API on a free loopback port as a child process, which a test can kill
/// like a crashed server (SIGKILL: no shutdown code runs).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the app over the data folder and returns once its API answers.</summary>
    /// <param name="settings">Command-line settings, such as <c>--TokenAdmin:Jobs:Enabled=true</c>.</param>
    /// <param name="app">Another build of the app's <c>TokenAdmin.dll</c>, such as a published one.</param>
    public static async Task<ServerProcess> StartAsync(
        string dataDirectory, IEnumerable<string>? settings = null, string? app = null)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var args = new[] { "--urls", baseUrl }.Concat(settings ?? []);
        var process = Process.Start(AppProcess.StartInfo(dataDirectory, args, app: app))!;
        var server = new ServerProcess(process, baseUrl);
        try
        {
            await server.WaitUntilServingAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public HttpClient Client(string secret)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public string Output()
    {
        lock (_output)
            return string.Join("\n", _output);
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilServingAsync()
    {
        using var probe = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var answer = await probe.GetAsync("/api/api_tokens/self");
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: start-up applies migrations and the bootstrap settings first.
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"The app did not start serving at {BaseUrl}:\n{Output()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptOutputLines)
                _output.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
