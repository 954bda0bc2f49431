using Microsoft.Playwright;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Tokens;

/// <summary>
/// Handed case C01: the console served on plain http at a LAN name, where browsers offer no clipboard. The name
/// resolves to 127.0.0.1 inside this browser only, so no traffic leaves the machine.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CopyOnPlainHttpTests(ConsoleFixture fixture)
{
    private const string LanHost = "tokenadmin.lan";

    [Fact]
    public async Task ValueIsOfferedInASelectableFieldWhenBrowserHasNoClipboard()
    {
        var (name, secret) = await fixture.AddTokenAsync();
        await using var browser = await Browser.LaunchAsync($"--host-resolver-rules=MAP {LanHost} 127.0.0.1");
        var port = new Uri(fixture.App.BaseUrl).Port;
        var page = await browser.Chromium.NewPageAsync(new() { BaseURL = $"http://{LanHost}:{port}" });
        await page.SignInAsync($"http://{LanHost}:{port}", TestApp.OwnerEmail, TestApp.OwnerPassword);
        Assert.False(await page.EvaluateAsync<bool>("() => window.isSecureContext"));
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);

        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Copy token");

        await Assertions.Expect(page.GetByTestId("secret-value")).ToHaveValueAsync(secret);
        await Assertions.Expect(page.GetByTestId("copy-result")).ToContainTextAsync("did not allow copying");
        await Assertions.Expect(page.GetByText("copied to the clipboard")).ToHaveCountAsync(0);
        await page.GetByTestId("copy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("copy-result")).ToContainTextAsync("did not allow copying");
        await page.GetByTestId("done").ClickAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.TokenRows()).ToHaveCountAsync(1);
    }
}
