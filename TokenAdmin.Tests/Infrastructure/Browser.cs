using Microsoft.Playwright;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// One headless Chromium per test collection. Debian's Chromium is used when present, Playwright's own
/// browser otherwise; when neither starts, the tests fail rather than skip.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private const string DebianChromium = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync(params string[] extraFlags)
    {
        // Two cores shared by a server, a browser and the test runner: give assertions room on a busy machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var options = new BrowserTypeLaunchOptions { Headless = true, Args = [.. Flags, .. extraFlags] };
        if (File.Exists(DebianChromium))
            options.ExecutablePath = DebianChromium;

        return new Browser(playwright, await playwright.Chromium.LaunchAsync(options));
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
