using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Projects;

[Collection(ConsoleCollection.Name)]
public sealed class ProjectsPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task ProjectIsListedAndStoredWhenCreatedWithAName()
    {
        var name = TestData.UniqueName("Project");
        var page = await fixture.SignedInPageAsync();

        await page.CreateByNameAsync(name);

        await Assertions.Expect(page.Row("projects", name).Locator("td")).ToHaveTextAsync([name, "0", ""]);
        await Assertions.Expect(page.FieldError()).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("new-name")).ToHaveValueAsync("");
        await using var db = fixture.App.CreateDbContext();
        var stored = await db.Projects.Include(p => p.Sandboxes).SingleAsync(p => p.Name == name);
        Assert.Equal(await fixture.App.AccountIdAsync(), stored.AccountId);
        Assert.Equal(fixture.App.Clock.GetUtcNow(), stored.CreatedAt);
        Assert.Empty(stored.Sandboxes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task NothingIsCreatedWhenNameIsEmptyOrWhitespace(string name)
    {
        var page = await fixture.SignedInPageAsync();
        var countBefore = await CountProjectsAsync();

        await page.CreateByNameAsync(name);

        await Assertions.Expect(page.FieldError()).ToHaveTextAsync("Enter a name.");
        Assert.Equal(countBefore, await CountProjectsAsync());
    }

    [Fact]
    public async Task ProjectIsRenamedWhenRenameDialogIsSubmitted()
    {
        var (oldName, newName) = (TestData.UniqueName("Before"), TestData.UniqueName("After"));
        var project = await fixture.App.AddProjectAsync(oldName);
        var page = await fixture.SignedInPageAsync();
        await page.OpenDialogAsync($"Rename {oldName}");
        var prefilled = await page.MudDialog().GetByTestId("name-input").InputValueAsync();

        await page.MudDialog().GetByTestId("name-input").FillAsync(newName);
        await page.MudDialog().GetByTestId("submit").ClickAsync();

        Assert.Equal(oldName, prefilled);
        await Assertions.Expect(page.MudDialog()).ToHaveCountAsync(0);
        await Assertions.Expect(page.Row("projects", newName).Locator("td")).ToHaveTextAsync([newName, "0", ""]);
        await Assertions.Expect(page.Row("projects", oldName)).ToHaveCountAsync(0);
        await using var db = fixture.App.CreateDbContext();
        Assert.Equal(newName, (await db.Projects.SingleAsync(p => p.Id == project.Id)).Name);
    }

    [Fact]
    public async Task ProjectAndItsSandboxesAreDeletedWhenDeleteIsConfirmed()
    {
        var name = TestData.UniqueName("Doomed");
        var project = await fixture.App.AddProjectAsync(name, "staging", "dev");
        var page = await fixture.SignedInPageAsync();
        await page.OpenDialogAsync($"Delete {name}");
        var message = await page.MudDialog().Locator(".mud-dialog-content").InnerTextAsync();

        await page.MudDialog().GetByTestId("confirm").ClickAsync();

        Assert.Equal($"Delete the project \"{name}\" and its 2 sandboxes? This cannot be undone.", message);
        await Assertions.Expect(page.MudDialog()).ToHaveCountAsync(0);
        await Assertions.Expect(page.Row("projects", name)).ToHaveCountAsync(0);
        await using var db = fixture.App.CreateDbContext();
        Assert.False(await db.Projects.AnyAsync(p => p.Id == project.Id));
        Assert.False(await db.Sandboxes.AnyAsync(s => s.ProjectId == project.Id));
    }

    [Theory]
    [InlineData("Cancel")]
    [InlineData("Escape")]
    [InlineData("Close")]
    [InlineData("Backdrop")]
    public async Task NothingIsDeletedWhenDeleteDialogIsClosedWithoutConfirming(string way)
    {
        var name = TestData.UniqueName("Kept");
        var project = await fixture.App.AddProjectAsync(name, "staging");
        var page = await fixture.SignedInPageAsync();
        await page.OpenDialogAsync($"Delete {name}");

        await CloseDialogAsync(page, way);

        await Assertions.Expect(page.MudDialog()).ToHaveCountAsync(0);
        await Assertions.Expect(page.Row("projects", name).Locator("td")).ToHaveTextAsync([name, "1", ""]);
        await Assertions.Expect(page.ErrorBar()).ToBeHiddenAsync();
        await using var db = fixture.App.CreateDbContext();
        Assert.Equal(name, (await db.Projects.SingleAsync(p => p.Id == project.Id)).Name);
        Assert.Equal(1, await db.Sandboxes.CountAsync(s => s.ProjectId == project.Id));
    }

    private static Task CloseDialogAsync(IPage page, string way) => way switch
    {
        "Cancel" => page.MudDialog().GetByTestId("cancel").ClickAsync(),
        "Escape" => page.Keyboard.PressAsync("Escape"),
        "Close" => page.MudDialog().GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync(),
        "Backdrop" => page.Locator(".mud-overlay-dialog").ClickAsync(new() { Position = new() { X = 5, Y = 5 } }),
        _ => throw new ArgumentOutOfRangeException(nameof(way), way, "No such way to close a dialog."),
    };

    private async Task<int> CountProjectsAsync()
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Projects.CountAsync();
    }
}
