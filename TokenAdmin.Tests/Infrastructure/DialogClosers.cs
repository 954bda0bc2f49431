using Microsoft.Playwright;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>Every way a person closes a dialog without confirming it (handed case C02).</summary>
public static class DialogClosers
{
    public static readonly IReadOnlyList<Func<IPage, Task>> All =
    [
        page => page.Keyboard.PressAsync("Escape"),
        page => page.Locator(".mud-overlay-dialog").ClickAsync(new() { Position = new() { X = 5, Y = 5 } }),
        page => page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync(),
        page => page.GetByTestId("cancel").ClickAsync(),
    ];
}
