using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

[Collection(ConsoleCollection.Name)]
public sealed class ResetTokenTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task SuccessorSecretIsShownAndOldTokenShowsItsGraceWhenResetIsConfirmed()
    {
        var (name, oldSecret) = await fixture.AddTokenAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);

        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Reset API Token");
        await Assertions.Expect(page.MudDialog()).ToContainTextAsync(name);
        await Assertions.Expect(page.MudDialog()).ToContainTextAsync("grace window");
        await page.GetByTestId("confirm").DblClickAsync();
        var newSecret = await page.GetByTestId("secret-value").InputValueAsync();
        await page.GetByTestId("copy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("copy-result")).ToHaveTextAsync("Copied to the clipboard.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        await page.GetByTestId("done").ClickAsync();

        Assert.Equal(newSecret, copied);
        var verifier = fixture.Service<TokenVerifier>();
        var successor = await verifier.VerifyAsync(newSecret);
        Assert.NotNull(successor);
        Assert.Equal($"{name} token {successor.Id}", successor.Name);
        Assert.NotNull(await verifier.VerifyAsync(oldSecret));
        await using var db = fixture.App.CreateDbContext();
        Assert.Equal(1, await db.ApiTokens.CountAsync(t => t.Name.StartsWith(name + " token ")));
        await Assertions.Expect(page.TokenRow(name).GetByTestId("token-status")).ToContainTextAsync("Expires in 1");
        await Assertions.Expect(page.TokenRow(name).GetByTestId("successor"))
            .ToHaveTextAsync($"Replaced by {successor.Name}");
        await page.OpenTokenMenuAsync(name);
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem).Filter(new() { HasText = "Reset API Token" }))
            .ToContainTextAsync(TokenRefusals.AlreadyReset);
    }

    [Fact]
    public async Task OldTokenTurnsExpiredWithoutReloadWhenItsGraceEnds()
    {
        var (name, _) = await fixture.AddTokenAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);
        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Reset API Token");
        await page.GetByTestId("grace").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "1 hour" }).ClickAsync();
        await page.GetByTestId("confirm").ClickAsync();
        await page.GetByTestId("done").ClickAsync();
        await Assertions.Expect(page.TokenRow(name).GetByTestId("token-status"))
            .ToContainTextAsync("Expires in 1 h 0 min");

        fixture.App.Clock.Advance(TimeSpan.FromHours(1));

        await Assertions.Expect(page.TokenRow(name).GetByTestId("token-status")).ToHaveTextAsync("Expired");
    }

    [Fact]
    public async Task NoSuccessorExistsWhenResetDialogIsClosedWithoutConfirming()
    {
        var (name, oldSecret) = await fixture.AddTokenAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);

        foreach (var close in DialogClosers.All)
        {
            await page.OpenTokenMenuAsync(name);
            await page.ChooseMenuItemAsync("Reset API Token");
            await page.WaitForDialogFocusAsync();
            await close(page);
            await Assertions.Expect(page.MudDialog()).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page.TokenRows().GetByTestId("token-status")).ToHaveTextAsync("Active");
        await using var db = fixture.App.CreateDbContext();
        Assert.False(await db.ApiTokens.AnyAsync(t => t.Name.StartsWith(name + " token ")));
        Assert.NotNull(await fixture.Service<TokenVerifier>().VerifyAsync(oldSecret));
    }
}
