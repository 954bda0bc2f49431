using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

/// <summary>
/// The list with 10,000 tokens: it pages, sorts and filters in the browser within the usual timeouts.
/// </summary>
public sealed class TokenListScaleTests : IAsyncLifetime
{
    private const int Count = 10_000;
    private readonly TestApp _app = new();
    private Browser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _browser = await Browser.LaunchAsync();
        await using var db = _app.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var accountId = db.Accounts.Select(a => a.Id).First();
        db.ApiTokens.AddRange(Enumerable.Range(0, Count).Select(i => SeedToken(accountId, i)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task PagesSortsAndFiltersWhenTenThousandTokensExist()
    {
        var context = await _browser.Chromium.NewContextAsync(new() { BaseURL = _app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync(_app.BaseUrl, TestApp.OwnerEmail, TestApp.OwnerPassword);
        await page.OpenTokensAsync();

        await Assertions.Expect(page.GetByText("1-25 of 10,000")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Name", Exact = true }).ClickAsync();
        await Assertions.Expect(page.TokenRows().First.GetByTestId("row-name")).ToHaveTextAsync("seed-00000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page.GetByText("26-50 of 10,000")).ToBeVisibleAsync();
        await Assertions.Expect(page.TokenRows().First.GetByTestId("row-name")).ToHaveTextAsync("seed-00025");
        await page.FilterByNameAsync("seed-09999");
        await Assertions.Expect(page.TokenRows().GetByTestId("row-name")).ToHaveTextAsync("seed-09999");
        await Assertions.Expect(page.GetByText("1-1 of 1")).ToBeVisibleAsync();
    }

    private ApiToken SeedToken(int accountId, int i) => new()
    {
        AccountId = accountId,
        Name = $"seed-{i:D5}",
        SecretHash = TokenSecret.Hash(TokenSecret.Generate()),
        Last4 = "seed",
        CreatedAt = _app.Clock.GetUtcNow().AddMinutes(-i),
        CreatedByName = "seeder",
        Access = new AccountAccess
        {
            AccountId = accountId,
            Grants = [Grants.Of(ResourceRef.Account(accountId), AccessLevel.Viewer)],
        },
    };

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }
}
