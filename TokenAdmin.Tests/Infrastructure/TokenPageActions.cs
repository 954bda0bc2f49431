using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>What a person does on Settings &gt; API Tokens, as steps the tests share.</summary>
public static class TokenPageActions
{
    public static async Task OpenTokensAsync(this IPage page)
    {
        await page.GoToAsync("/settings/api-tokens");
        await page.Locator("[data-testid=tokens] tbody tr").First.WaitForAsync();
    }

    /// <summary>Creates a token through Add Token and returns the secret the dialog shows once.</summary>
    public static async Task<string> AddTokenAsync(this IPage page, string name, params string[] boxes)
    {
        await page.GetByTestId("add-token").ClickAsync();
        await page.GetByTestId("token-name").FillAsync(name);
        foreach (var box in boxes)
            await page.GetByLabel(box, new() { Exact = true }).CheckAsync();
        await page.GetByTestId("save").ClickAsync();

        var secret = await page.GetByTestId("secret-value").InputValueAsync();
        await page.GetByTestId("done").ClickAsync();
        await page.MudDialog().WaitForAsync(new() { State = WaitForSelectorState.Detached });
        return secret;
    }

    public static async Task FilterByNameAsync(this IPage page, string name)
    {
        await page.GetByTestId("filter-name").FillAsync(name);
        await Assertions.Expect(page.TokenRows()).ToHaveCountAsync(1);
    }

    public static ILocator TokenRows(this IPage page) =>
        page.Locator("[data-testid=tokens] tbody tr").Filter(new() { Has = page.Locator("[data-testid=token-menu]") });

    /// <summary>The row of the token with exactly this name.</summary>
    public static ILocator TokenRow(this IPage page, string name) => page.TokenRows().Filter(new()
    {
        Has = page.Locator("[data-testid=row-name]", new() { HasTextRegex = new Regex($"^{Regex.Escape(name)}$") }),
    });

    public static async Task OpenTokenMenuAsync(this IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Menu).WaitForAsync();
    }

    public static Task ChooseMenuItemAsync(this IPage page, string item) =>
        page.GetByRole(AriaRole.Menuitem).Filter(new() { HasText = item }).ClickAsync();
}
