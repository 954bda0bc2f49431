using Microsoft.Playwright;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>A running app with an owner, and a browser, shared by the console's browser tests.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public Browser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = new TestApp();
        Browser = await Browser.LaunchAsync();
    }

    /// <summary>A fresh browser context (own cookies) with a page already signed in as the given person.</summary>
    public async Task<IPage> SignedInPageAsync(
        string email = TestApp.OwnerEmail, string password = TestApp.OwnerPassword)
    {
        var page = await NewPageAsync();
        await page.SignInAsync(App.BaseUrl, email, password);
        await page.WaitForConsoleAsync();
        return page;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "Console";
}
