using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.People;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.People;

[Collection(ConsoleCollection.Name)]
public sealed class UsersPageTests(ConsoleFixture fixture)
{
    private const string Password = "Invited-pass-1";

    [Fact]
    public async Task InvitedViewerSetsAPasswordThroughTheLinkAndCanChangeNoToken()
    {
        var email = $"{Unique.Name("viewer")}@example.test";
        await fixture.AddTokenAsync();
        var owner = await fixture.SignedInPageAsync();
        await owner.GoToAsync("/settings/users");

        await owner.GetByTestId("add-person").ClickAsync();
        await owner.GetByTestId("person-email").FillAsync(email);
        await owner.GetByTestId("person-name").FillAsync("Vera Viewer");
        await owner.GetByLabel("Viewer on Test account", new() { Exact = true }).CheckAsync();
        await owner.GetByTestId("save").ClickAsync();
        var link = await owner.GetByTestId("secret-value").InputValueAsync();
        await Assertions.Expect(owner.Row("people", email)).ToContainTextAsync("Invited");
        await AcceptInvitationAsync(link);

        Assert.Contains("/invitation#tainv_", link);
        var viewer = await fixture.SignedInPageAsync(email, Password);
        await viewer.OpenTokensAsync();
        await Assertions.Expect(viewer.GetByTestId("add-token")).ToBeDisabledAsync();
        var firstToken = await viewer.TokenRows().First.Locator("[data-testid=row-name]").InnerTextAsync();
        await viewer.OpenTokenMenuAsync(firstToken);
        foreach (var item in new[] { "Edit permissions", "Reset API Token", "Delete token" })
        {
            var menuItem = viewer.GetByRole(AriaRole.Menuitem).Filter(new() { HasText = item });
            await Assertions.Expect(menuItem).ToHaveAttributeAsync("aria-disabled", "true");
        }
    }

    [Fact]
    public async Task ProjectAdminCanGrantOnTheirProjectButNotOnAnother()
    {
        var mine = await fixture.AddProjectAsync();
        var other = await fixture.AddProjectAsync();
        var email = $"{Unique.Name("padmin")}@example.test";
        await fixture.App.AddPersonAsync(email, Password, new Grant
        {
            ResourceType = ResourceType.Project, ResourceId = mine.Id, Level = AccessLevel.Admin,
        });
        var page = await fixture.SignedInPageAsync(email, Password);
        await page.OpenTokensAsync();

        await page.GetByTestId("add-token").ClickAsync();

        await Assertions.Expect(page.GetByLabel($"Admin on {mine.Name}", new() { Exact = true })).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByLabel($"Admin on {other.Name}", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Admin on Test account", new() { Exact = true })).ToBeDisabledAsync();
    }

    [Fact]
    public async Task RemovedPersonCannotAddATokenOnTheirNextAction()
    {
        var email = $"{Unique.Name("removed")}@example.test";
        var owner = await fixture.OwnerAsync();
        await fixture.App.AddPersonAsync(email, Password, new Grant
        {
            ResourceType = ResourceType.Account, ResourceId = owner.AccountId, Level = AccessLevel.Admin,
        });
        var page = await fixture.SignedInPageAsync(email, Password);
        await page.OpenTokensAsync();
        await page.GetByTestId("add-token").ClickAsync();
        await page.GetByTestId("token-name").FillAsync("after removal");
        await page.GetByLabel("Viewer on Test account", new() { Exact = true }).CheckAsync();

        var person = (await fixture.Service<PeopleQueries>().ListAsync(owner)).Single(p => p.Email == email);
        var removed = await fixture.Service<PeopleService>().RemoveAsync(owner, person.AccessId);
        await page.GetByTestId("save").ClickAsync();

        Assert.True(removed.Succeeded, removed.Error);
        await Assertions.Expect(page.GetByTestId("grant-error")).ToBeVisibleAsync();
        await using var db = fixture.App.CreateDbContext();
        Assert.DoesNotContain(db.ApiTokens, t => t.Name == "after removal");
    }

    [Fact]
    public async Task LastOwnerIsToldTheyCannotDemoteThemselves()
    {
        await using var app = new TestApp();
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.Chromium.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseUrl, TestApp.OwnerEmail, TestApp.OwnerPassword);
        await page.GoToAsync("/settings/users");

        await page.ButtonNamed($"Change access of {TestApp.OwnerEmail}").ClickAsync();
        await page.GetByTestId("person-owner").UncheckAsync();
        await page.GetByLabel("Admin on Test account", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("grant-error")).ToHaveTextAsync(PeopleService.LastOwner);
        await Assertions.Expect(page.Row("people", TestApp.OwnerEmail)).ToContainTextAsync("Account Owner");
    }

    private async Task AcceptInvitationAsync(string link)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(link);
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm-password", Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("invitation-accepted")).ToBeVisibleAsync();
    }
}
