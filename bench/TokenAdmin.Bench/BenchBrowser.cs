using System.Net;
using Microsoft.Playwright;

namespace TokenAdmin.Bench;

/// <summary>Debian's headless Chromium (Playwright's own as a fallback), signed in as the bench owner.</summary>
public sealed class BenchBrowser : IAsyncDisposable
{
    private const string DebianChromium = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _chromium;

    private BenchBrowser(IPlaywright playwright, IBrowser chromium, IBrowserContext context)
    {
        _playwright = playwright;
        _chromium = chromium;
        Context = context;
    }

    public IBrowserContext Context { get; }

    public static async Task<BenchBrowser> SignInAsync(BenchApp app)
    {
        var playwright = await Playwright.CreateAsync();
        var options = new BrowserTypeLaunchOptions { Headless = true, Args = Flags };
        if (File.Exists(DebianChromium))
            options.ExecutablePath = DebianChromium;
        var chromium = await playwright.Chromium.LaunchAsync(options);
        var context = await chromium.NewContextAsync(new() { BaseURL = app.BaseUrl });

        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", BenchApp.OwnerEmail);
        await page.FillAsync("#password", BenchApp.OwnerPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.CloseAsync();
        return new BenchBrowser(playwright, chromium, context);
    }

    /// <summary>An HTTP client carrying the browser's sign-in cookie, for timing plain page requests.</summary>
    public async Task<HttpClient> SignedInClientAsync(string baseUrl)
    {
        var jar = new CookieContainer();
        foreach (var cookie in await Context.CookiesAsync())
            jar.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
