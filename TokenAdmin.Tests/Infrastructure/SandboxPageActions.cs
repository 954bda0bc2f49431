using Microsoft.Playwright;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>What a person does on a sandbox's page, as steps the tests share.</summary>
public static class SandboxPageActions
{
    /// <summary>Escape, the backdrop, the close button and Cancel: each closes a dialog, unconfirmed.</summary>
    public static readonly Func<IPage, Task>[] DialogClosers =
    [
        page => page.Keyboard.PressAsync("Escape"),
        page => page.Locator(".mud-overlay-dialog")
            .ClickAsync(new() { Position = new() { X = 5, Y = 5 } }),
        page => page.Locator(".mud-dialog")
            .GetByRole(AriaRole.Button, new() { Name = "Close" })
            .ClickAsync(),
        page => page.GetByTestId("cancel").ClickAsync(),
    ];

    public static async Task OpenSandboxAsync(this IPage page, int sandboxId)
    {
        await page.GoToAsync($"/sandboxes/{sandboxId}");
        await page.GetByTestId("smtp-credentials").WaitForAsync();
    }

    /// <summary>Clicks Reset Credentials and waits until the dialog holds the focus.</summary>
    public static async Task OpenResetDialogAsync(this IPage page)
    {
        await page.GetByTestId("reset-credentials").ClickAsync();
        await page.YesResetButton().WaitForAsync();
        await page.WaitForDialogFocusAsync();
    }

    public static ILocator YesResetButton(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Yes, Reset", Exact = true });

    public static ILocator CopyPasswordButton(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Copy password", Exact = true });

    public static ILocator ShownUsername(this IPage page) => page.GetByTestId("smtp-username");

    public static ILocator ShownPassword(this IPage page) => page.GetByTestId("smtp-password");

    /// <summary>The value the secret dialog shows; closes the dialog with Done.</summary>
    public static async Task<string> TakeShownSecretAsync(this IPage page)
    {
        var secret = await page.GetByTestId("secret-value").InputValueAsync();
        await page.GetByTestId("done").ClickAsync();
        await page.Locator(".mud-dialog")
            .WaitForAsync(new() { State = WaitForSelectorState.Detached });
        return secret;
    }
}
