using Microsoft.Playwright;

namespace TokenAdmin.Tests.Infrastructure;

public static class PageActions
{
    public static async Task SignInAsync(this IPage page, string baseUrl, string email, string password)
    {
        await page.GotoAsync($"{baseUrl}/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Waits until the page's circuit is live, so clicks reach the server.</summary>
    public static Task WaitForConsoleAsync(this IPage page) =>
        page.Locator("[data-circuit=live]").WaitForAsync();

    public static async Task GoToAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForConsoleAsync();
    }

    /// <summary>Waits until keyboard focus is inside the open dialog, as a person sees it before pressing Escape.</summary>
    public static Task WaitForDialogFocusAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog')?.contains(document.activeElement)");

    public static ILocator OpenDialog(this IPage page) => page.Locator(".mud-dialog");

    public static ILocator Row(this IPage page, string tableTestId, string text) =>
        page.Locator($"[data-testid={tableTestId}] tbody tr").Filter(new() { HasText = text });
}
