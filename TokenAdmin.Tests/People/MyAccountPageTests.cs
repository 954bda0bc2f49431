using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.People;

[Collection(ConsoleCollection.Name)]
public sealed class MyAccountPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task OtherSessionsEndAndTheNewPasswordSignsInWhenAPersonChangesTheirPassword()
    {
        var email = $"{Unique.Name("me")}@example.test";
        var project = await fixture.AddProjectAsync();
        await fixture.App.AddPersonAsync(email, "Before-pass-1", new Grant
        {
            ResourceType = ResourceType.Project, ResourceId = project.Id, Level = AccessLevel.Viewer,
        });
        var page = await fixture.SignedInPageAsync(email, "Before-pass-1");
        var otherBrowser = await fixture.SignedInPageAsync(email, "Before-pass-1");

        await page.GotoAsync("/account/me");
        await Assertions.Expect(page.GetByTestId("own-access"))
            .ToHaveTextAsync($"Your access: Viewer on project {project.Name}");
        await page.FillAsync("#current-password", "Before-pass-1");
        await page.FillAsync("#new-password", "After-pass-12");
        await page.FillAsync("#confirm-password", "After-pass-12");
        await page.ButtonNamed("Change password").ClickAsync();

        await Assertions.Expect(page.GetByTestId("password-result"))
            .ToHaveTextAsync("Your password has been changed.");
        var again = await fixture.SignedInPageAsync(email, "After-pass-12");
        await Assertions.Expect(again.GetByTestId("signed-in-person")).ToBeVisibleAsync();
        await page.GotoAsync("/projects");
        await Assertions.Expect(page.GetByTestId("signed-in-person")).ToBeVisibleAsync();
        await otherBrowser.GotoAsync("/projects");
        await Assertions.Expect(otherBrowser).ToHaveURLAsync(new Regex("/Account/Login"));
    }
}
