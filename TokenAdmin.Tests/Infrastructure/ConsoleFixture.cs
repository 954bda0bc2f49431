using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.People;
using TokenAdmin.Projects;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>A running app with an owner, and a browser, shared by the console's browser tests.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public Browser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = new TestApp(settings: new Dictionary<string, string?>
        {
            ["TokenAdmin:Tokens:ListRefreshInterval"] = "00:00:01",
        });
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
        var context = await Browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>The owner as the services see them, for arranging data without the browser.</summary>
    public Task<Actor> OwnerAsync() => App.OwnerAsync();

    public async Task<Project> AddProjectAsync()
    {
        var created = await Service<ProjectService>().CreateProjectAsync(await OwnerAsync(), Unique.Name("project"));
        return created.Value!;
    }

    /// <summary>
    /// A token made by the owner through the service; by default Viewer on the account, which leaves the
    /// last-domain-token rule to the domains' own tokens.
    /// </summary>
    public async Task<(string Name, string Secret)> AddTokenAsync(params Grant[] grants)
    {
        var owner = await OwnerAsync();
        var requests = grants.Length > 0
            ? grants.Select(g => new GrantRequest(g.Resource, g.Level)).ToList()
            : [new GrantRequest(ResourceRef.Account(owner.AccountId), AccessLevel.Viewer)];
        var draft = new TokenDraft(Unique.Name("token"), null, requests);
        var created = await Service<TokenService>().CreateAsync(owner, draft);
        Assert.True(created.Succeeded, created.Error);
        return (created.Value!.Token.Name, created.Value.Secret);
    }

    public T Service<T>() where T : notnull => App.Get<T>();

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
