using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Audit;

[Collection(ConsoleCollection.Name)]
public sealed class AuditLogPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task OwnersActionsAreListedNewestFirstAndNarrowedWhenFilteredByTokenAndEvent()
    {
        var (name, _) = await fixture.AddTokenAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);
        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Copy token");
        await Assertions.Expect(page.GetByText($"Token \"{name}\" copied to the clipboard.")).ToBeVisibleAsync();
        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Delete token");
        await page.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(page.TokenRows()).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log", Exact = true }).ClickAsync();
        await page.PickTokenAsync(name[^10..], name);

        await Assertions.Expect(page.AuditRows().GetByTestId("entry-event"))
            .ToHaveTextAsync(["Token deleted", "Token copied", "Token created"]);
        await Assertions.Expect(page.AuditRows().GetByTestId("entry-subject").First).ToContainTextAsync(name);
        await Assertions.Expect(page.AuditRows().GetByTestId("entry-actor").First)
            .ToContainTextAsync(TestApp.OwnerEmail);
        await page.PickEventAsync("Token copied");
        await Assertions.Expect(page.AuditRows().GetByTestId("entry-event")).ToHaveTextAsync(["Token copied"]);
    }

    [Fact]
    public async Task NoAccessMessageIsShownWhenThePersonViewsOneProjectOnly()
    {
        var project = await fixture.AddProjectAsync();
        var email = $"{Unique.Name("project-viewer")}@example.test";
        await fixture.App.AddPersonAsync(email, "Viewer-pass-1", Grants.Of(ResourceRef.Project(project.Id),
            AccessLevel.Viewer));
        var page = await fixture.SignedInPageAsync(email, "Viewer-pass-1");

        await page.GoToAsync("/settings/audit-log");

        await Assertions.Expect(page.GetByTestId("audit-no-access")).ToHaveTextAsync(AuditQueries.NeedsAccountAccess);
        await Assertions.Expect(page.GetByTestId("audit-entries")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit log", Exact = true }))
            .ToBeVisibleAsync();
    }
}
