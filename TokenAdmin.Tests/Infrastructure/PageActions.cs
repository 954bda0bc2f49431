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

    public static ILocator MudDialog(this IPage page) => page.Locator(".mud-dialog");

    /// <summary>
    /// Waits until keyboard focus is inside the open dialog, as a person sees it before pressing Escape.
    /// </summary>
    public static Task WaitForDialogFocusAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog') != null");

    /// <summary>Clicks the button that opens a dialog and waits until the dialog holds the focus.</summary>
    public static async Task OpenDialogAsync(this IPage page, string buttonName)
    {
        await page.ButtonNamed(buttonName).ClickAsync();

        // The dialog shows a moment before it takes the focus; keys pressed in between never reach it.
        await page.WaitForDialogFocusAsync();
    }

    public static ILocator Row(this IPage page, string tableTestId, string text) =>
        page.Locator($"[data-testid={tableTestId}] tbody tr").Filter(new() { HasText = text });

    /// <summary>Types a name into the page's create form and submits it.</summary>
    public static async Task CreateByNameAsync(this IPage page, string name)
    {
        await page.GetByTestId("new-name").FillAsync(name);
        await page.GetByTestId("create").ClickAsync();
    }

    /// <summary>The message shown under a text field that refused its value.</summary>
    public static ILocator FieldError(this IPage page) => page.Locator(".mud-input-helper-text.mud-input-error");

    public static ILocator ButtonNamed(this IPage page, string accessibleName) =>
        page.GetByRole(AriaRole.Button, new() { Name = accessibleName, Exact = true });

    /// <summary>
    /// Polls the clipboard until it holds text starting with <paramref name="prefix"/>: the copy happens after a
    /// round trip to the server, and Playwright's wait-for-function does not await an async predicate.
    /// </summary>
    public static async Task<string> ClipboardStartingWithAsync(this IPage page, string prefix)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var text = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
            if (text.StartsWith(prefix, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
                return text;
            await Task.Delay(100);
        }
    }

    /// <summary>Blazor's error bar: shown when the circuit hit an unhandled exception.</summary>
    public static ILocator ErrorBar(this IPage page) => page.Locator("#blazor-error-ui");
}
