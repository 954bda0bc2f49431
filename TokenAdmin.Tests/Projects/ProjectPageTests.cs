using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Projects;

[Collection(ConsoleCollection.Name)]
public sealed class ProjectPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task SandboxIsListedAndStoredWhenCreatedInTheProject()
    {
        var (projectName, sandboxName) = (TestData.UniqueName("Home"), TestData.UniqueName("Sandbox"));
        var project = await fixture.App.AddProjectAsync(projectName);
        var page = await fixture.SignedInPageAsync();
        await page.GoToAsync($"/projects/{project.Id}");

        await page.CreateByNameAsync(sandboxName);

        await Assertions.Expect(page.Row("sandboxes", sandboxName).Locator("td")).ToHaveTextAsync([sandboxName, ""]);
        await Assertions.Expect(page.FieldError()).ToHaveCountAsync(0);
        await using var db = fixture.App.CreateDbContext();
        var stored = await db.Sandboxes.SingleAsync(s => s.ProjectId == project.Id);
        Assert.Equal(sandboxName, stored.Name);
        Assert.Equal(fixture.App.Clock.GetUtcNow(), stored.CreatedAt);
    }

    [Fact]
    public async Task SandboxIsRenamedWhenRenameDialogIsSubmitted()
    {
        var (oldName, newName) = (TestData.UniqueName("Before"), TestData.UniqueName("After"));
        var project = await fixture.App.AddProjectAsync(TestData.UniqueName("Home"), oldName);
        var page = await fixture.SignedInPageAsync();
        await page.GoToAsync($"/projects/{project.Id}");
        await page.OpenDialogAsync($"Rename {oldName}");
        var prefilled = await page.MudDialog().GetByTestId("name-input").InputValueAsync();

        await page.MudDialog().GetByTestId("name-input").FillAsync(newName);
        await page.MudDialog().GetByTestId("submit").ClickAsync();

        Assert.Equal(oldName, prefilled);
        await Assertions.Expect(page.MudDialog()).ToHaveCountAsync(0);
        await Assertions.Expect(page.Row("sandboxes", newName).Locator("td")).ToHaveTextAsync([newName, ""]);
        await Assertions.Expect(page.Row("sandboxes", oldName)).ToHaveCountAsync(0);
        Assert.Equal([newName], await SandboxNamesAsync(project.Id));
    }

    [Fact]
    public async Task OnlyThatSandboxIsDeletedWhenDeleteIsConfirmed()
    {
        var (doomed, kept) = (TestData.UniqueName("Doomed"), TestData.UniqueName("Kept"));
        var project = await fixture.App.AddProjectAsync(TestData.UniqueName("Home"), doomed, kept);
        var page = await fixture.SignedInPageAsync();
        await page.GoToAsync($"/projects/{project.Id}");
        await page.OpenDialogAsync($"Delete {doomed}");
        var message = await page.MudDialog().Locator(".mud-dialog-content").InnerTextAsync();

        await page.MudDialog().GetByTestId("confirm").ClickAsync();

        Assert.Equal($"Delete the sandbox \"{doomed}\"? This cannot be undone.", message);
        await Assertions.Expect(page.MudDialog()).ToHaveCountAsync(0);
        await Assertions.Expect(page.Row("sandboxes", doomed)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Row("sandboxes", kept)).ToHaveCountAsync(1);
        Assert.Equal([kept], await SandboxNamesAsync(project.Id));
        await using var db = fixture.App.CreateDbContext();
        Assert.True(await db.Projects.AnyAsync(p => p.Id == project.Id));
    }

    private async Task<List<string>> SandboxNamesAsync(int projectId)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Sandboxes.Where(s => s.ProjectId == projectId).Select(s => s.Name).ToListAsync();
    }
}
