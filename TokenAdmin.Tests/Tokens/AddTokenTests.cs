using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.Projects;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

[Collection(ConsoleCollection.Name)]
public sealed class AddTokenTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task SecretIsShownOnceAndRowAppearsWhenTokenIsAdded()
    {
        var project = await fixture.AddProjectAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        var name = Unique.Name("deploy");

        var secret = await page.AddTokenAsync(name, $"Admin on {project.Name}");

        Assert.True(TokenSecret.IsWellFormed(secret));
        await page.FilterByNameAsync(name);
        await Assertions.Expect(page.TokenRows()).ToContainTextAsync($"Admin: {project.Name}");
        await Assertions.Expect(page.TokenRows()).ToContainTextAsync($"…{secret[^4..]}");
        await Assertions.Expect(page.TokenRows()).ToContainTextAsync(TestApp.OwnerEmail);
        await using var db = fixture.App.CreateDbContext();
        var token = await db.ApiTokens.Include(t => t.Access.Grants).SingleAsync(t => t.Name == name);
        Assert.Equal(TokenSecret.Hash(secret), token.SecretHash);
        var created = await db.AuditEntries.SingleAsync(e => e.Event == "token.created" && e.SubjectName == name);
        Assert.Equal(("person", "127.0.0.1"), (created.ActorType, created.SourceAddress));
        var grant = Assert.Single(token.Access.Grants);
        Assert.Equal(
            (ResourceType.Project, project.Id, AccessLevel.Admin),
            (grant.ResourceType, grant.ResourceId, grant.Level));
    }

    [Fact]
    public async Task SaveIsRefusedWhenNoPermissionIsChosen()
    {
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        var name = Unique.Name("empty");
        await page.GetByTestId("add-token").ClickAsync();
        await page.GetByTestId("token-name").FillAsync(name);

        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("grant-error")).ToHaveTextAsync(GrantValidation.NoneChosen);
        await using var db = fixture.App.CreateDbContext();
        Assert.False(await db.ApiTokens.AnyAsync(t => t.Name == name));
    }

    [Fact]
    public async Task ExactlyOneTokenIsCreatedWhenSaveIsDoubleClicked()
    {
        var project = await fixture.AddProjectAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        var name = Unique.Name("double");
        await page.GetByTestId("add-token").ClickAsync();
        await page.GetByTestId("token-name").FillAsync(name);
        await page.GetByLabel($"Viewer on {project.Name}", new() { Exact = true }).CheckAsync();

        await page.GetByTestId("save").DblClickAsync();

        await page.GetByTestId("secret-value").WaitForAsync();
        await using var db = fixture.App.CreateDbContext();
        Assert.Equal(1, await db.ApiTokens.CountAsync(t => t.Name == name));
    }

    [Fact]
    public async Task RowsBelowAreCheckedAndLockedWhenAnAncestorIsGranted()
    {
        var project = await fixture.AddProjectAsync();
        var sandbox = await fixture.Service<ProjectService>()
            .CreateSandboxAsync(await fixture.OwnerAsync(), project.Id, Unique.Name("box"));
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.GetByTestId("add-token").ClickAsync();

        await page.GetByLabel($"Admin on {project.Name}", new() { Exact = true }).CheckAsync();

        var sandboxAdmin = page.GetByLabel($"Admin on {sandbox.Value!.Name}", new() { Exact = true });
        var projectViewer = page.GetByLabel($"Viewer on {project.Name}", new() { Exact = true });
        await Assertions.Expect(sandboxAdmin).ToBeCheckedAsync();
        await Assertions.Expect(sandboxAdmin).ToBeDisabledAsync();
        await Assertions.Expect(projectViewer).ToBeCheckedAsync();
        await Assertions.Expect(projectViewer).ToBeDisabledAsync();
        var sandboxRow = page.Locator($"tr[data-resource=sandbox-{sandbox.Value.Id}]");
        await Assertions.Expect(sandboxRow.GetByTestId("hint")).ToHaveTextAsync($"Admin through {project.Name}");
    }

    [Fact]
    public async Task AddTokenIsDisabledWithReasonWhenPersonOnlyViews()
    {
        var project = await fixture.AddProjectAsync();
        var email = $"{Unique.Name("viewer")}@example.test";
        await fixture.App.AddPersonAsync(
            email, "Viewer-pass-1", Grants.Of(ResourceRef.Project(project.Id), AccessLevel.Viewer));

        var page = await fixture.SignedInPageAsync(email, "Viewer-pass-1");
        await page.OpenTokensAsync();

        await Assertions.Expect(page.GetByTestId("add-token")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task OtherProjectsAndTheAccountAreLockedWhenPersonAdministersOneProject()
    {
        var mine = await fixture.AddProjectAsync();
        var email = $"{Unique.Name("padmin")}@example.test";
        await fixture.App.AddPersonAsync(
            email, "Padmin-pass-1", Grants.Of(ResourceRef.Project(mine.Id), AccessLevel.Admin));

        var page = await fixture.SignedInPageAsync(email, "Padmin-pass-1");
        await page.OpenTokensAsync();
        await page.GetByTestId("add-token").ClickAsync();

        await Assertions.Expect(page.GetByLabel($"Admin on {mine.Name}", new() { Exact = true })).ToBeEnabledAsync();
        var accountRow = page.Locator("[data-testid=permission-grid] tr[data-resource^=account-]");
        await Assertions.Expect(accountRow.Locator("input[type=checkbox]").First).ToBeDisabledAsync();
        await Assertions.Expect(accountRow.Locator("input[type=checkbox]").Last).ToBeDisabledAsync();
        await Assertions.Expect(accountRow.GetByTestId("hint")).ToHaveTextAsync("Beyond your access");
    }
}
