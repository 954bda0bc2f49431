using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.People.Pages;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.People;

[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture fixture)
{
    private const string IdentityCookie = ".AspNetCore.Identity.Application";

    [Fact]
    public async Task OwnerReachesConsoleWhenPasswordIsRightAndLeavesItBySigningOut()
    {
        var page = await fixture.SignedInPageAsync();

        await Assertions.Expect(page.GetByTestId("signed-in-person")).ToContainTextAsync("Test account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");
        await page.GotoAsync("/projects");

        Assert.Contains("/Account/Login", page.Url);
    }

    [Fact]
    public async Task UnknownEmailAndWrongPasswordReadTheSameWhenSignInFails()
    {
        var page = await fixture.NewPageAsync();

        await page.SignInAsync(fixture.App.BaseUrl, "nobody@example.test", "whatever-1");
        var unknownEmail = await page.GetByTestId("login-error").InnerTextAsync();
        await page.SignInAsync(fixture.App.BaseUrl, TestApp.OwnerEmail, "wrong-password-1");
        var wrongPassword = await page.GetByTestId("login-error").InnerTextAsync();

        Assert.Equal(Login.InvalidCredentials, unknownEmail);
        Assert.Equal(unknownEmail, wrongPassword);
    }

    [Fact]
    public async Task SixthAttemptIsRefusedWhenFiveWrongPasswordsCameBeforeUntilLockoutEnds()
    {
        const string email = "locked@example.test", password = "Locked-pass-1";
        await fixture.App.AddPersonAsync(email, password, Viewer());
        var page = await fixture.NewPageAsync();

        for (var attempt = 0; attempt < 5; attempt++)
            await page.SignInAsync(fixture.App.BaseUrl, email, $"wrong-{attempt}");
        await page.SignInAsync(fixture.App.BaseUrl, email, password);

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("locked");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name == IdentityCookie);

        fixture.App.Clock.Advance(TimeSpan.FromMinutes(5));
        await page.SignInAsync(fixture.App.BaseUrl, email, password);

        await page.WaitForConsoleAsync();
        Assert.Contains(await page.Context.CookiesAsync(), cookie => cookie.Name == IdentityCookie);
        await using var db = fixture.App.CreateDbContext();
        Assert.Equal(0, (await db.Users.SingleAsync(u => u.Email == email)).AccessFailedCount);
    }

    private static Grant Viewer() =>
        new() { ResourceType = ResourceType.Account, ResourceId = 1, Level = AccessLevel.Viewer };
}
