using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.People;

public sealed class FirstRunTests : IAsyncLifetime
{
    private readonly TestApp _app = new(withOwner: false);
    private Browser _browser = null!;

    public async ValueTask InitializeAsync() => _browser = await Browser.LaunchAsync();

    [Fact]
    public async Task OwnerIsCreatedOnceWhenFirstRunFormIsCompleted()
    {
        var page = await _browser.Chromium.NewPageAsync(new() { BaseURL = _app.BaseUrl });

        await page.GotoAsync("/projects");
        Assert.EndsWith("/setup", page.Url);
        await FillSetupAsync(page, password: "Owner-pass-1", confirm: "Other-pass-1");
        await Assertions.Expect(page.GetByText("The passwords do not match.")).ToBeVisibleAsync();
        await using (var db = _app.CreateDbContext())
            Assert.Equal(0, await db.Accounts.CountAsync());

        await FillSetupAsync(page, password: "Owner-pass-1", confirm: "Owner-pass-1");
        await page.WaitForConsoleAsync();

        Assert.EndsWith("/projects", page.Url);
        await Assertions.Expect(page.GetByTestId("signed-in-person")).ToContainTextAsync("Ada Owner · Acme Mail");
        var setupAgain = await page.GotoAsync("/setup");
        Assert.Equal(404, setupAgain!.Status);
        await using var check = _app.CreateDbContext();
        var access = await check.AccountAccesses.Include(a => a.Grants).SingleAsync();
        var grant = Assert.Single(access.Grants);
        Assert.Equal((ResourceType.Account, AccessLevel.Owner), (grant.ResourceType, grant.Level));
        Assert.Equal("Acme Mail", (await check.Accounts.SingleAsync()).Name);
        Assert.Equal("ada@example.test", (await check.Users.SingleAsync()).Email);
    }

    private static async Task FillSetupAsync(IPage page, string password, string confirm)
    {
        await page.FillAsync("#account-name", "Acme Mail");
        await page.FillAsync("#display-name", "Ada Owner");
        await page.FillAsync("#email", "ada@example.test");
        await page.FillAsync("#password", password);
        await page.FillAsync("#confirm-password", confirm);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }
}
