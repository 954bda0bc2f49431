using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Hardening;

/// <summary>
/// Issue 7, in the console: two admins, each signed in in a browser of their own, edit the same token's
/// permissions and save at once. One save wins, the other admin is told, and nothing of the loser's is stored.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class TwoAdminsEditTests(ConsoleFixture fixture)
{
    private const string AdminPassword = "Admin-pass-1";

    [Fact]
    public async Task OneSaveWinsAndTheOtherAdminIsToldWhenTwoAdminsSaveTheSameTokensPermissions()
    {
        var (first, second) = (await fixture.AddProjectAsync(), await fixture.AddProjectAsync());
        var (name, _) = await fixture.AddTokenAsync(Grants.Of(ResourceRef.Project(first.Id), AccessLevel.Viewer));
        var owner = await fixture.OwnerAsync();
        var admin = await fixture.App.AddPersonAsync($"{Unique.Name("admin")}@example.test", AdminPassword,
            Grants.Of(ResourceRef.Account(owner.AccountId), AccessLevel.Admin));
        var ownerPage = await fixture.SignedInPageAsync();
        var adminPage = await fixture.SignedInPageAsync(admin.Email!, AdminPassword);
        await OpenEditPermissionsAsync(ownerPage, name);
        await OpenEditPermissionsAsync(adminPage, name);
        await Box(ownerPage, $"Admin on {first.Name}").CheckAsync();
        await Box(adminPage, $"Viewer on {second.Name}").CheckAsync();

        await Task.WhenAll(Save(ownerPage).ClickAsync(), Save(adminPage).ClickAsync());

        var saved = await Task.WhenAll(SavedAsync(ownerPage), SavedAsync(adminPage));
        Assert.Single(saved, outcome => outcome);
        var ownerWon = saved[0];
        var loserPage = ownerWon ? adminPage : ownerPage;
        var loserError = loserPage.GetByTestId("grant-error");
        await Assertions.Expect(loserError).ToHaveTextAsync(TokenRefusals.ChangedMeanwhile);
        (ResourceType, int, AccessLevel)[] winnersGrants = ownerWon
            ? [(ResourceType.Project, first.Id, AccessLevel.Admin)]
            : [
                (ResourceType.Project, first.Id, AccessLevel.Viewer),
                (ResourceType.Project, second.Id, AccessLevel.Viewer),
            ];
        await using var db = fixture.App.CreateDbContext();
        var token = await db.ApiTokens.AsNoTracking().Include(t => t.Access.Grants).SingleAsync(t => t.Name == name);
        Assert.Equal(winnersGrants, token.Access.Grants.AsTriples());
        var changed = await db.AuditEntries.AsNoTracking().SingleAsync(e =>
            e.Event == AuditEvents.TokenPermissionsChanged && e.SubjectId == token.Id.ToString());
        Assert.Equal(ownerWon ? owner.UserId : admin.Id, changed.ActorId);

        // Told, the loser cancels and opens the dialog again: it shows what the winner saved.
        await loserPage.GetByTestId("cancel").ClickAsync();
        await loserPage.MudDialog().WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await OpenEditPermissionsAsync(loserPage, name);
        await Assertions.Expect(Box(loserPage, $"Admin on {first.Name}"))
            .ToBeCheckedAsync(new() { Checked = ownerWon });
        await Assertions.Expect(Box(loserPage, $"Viewer on {second.Name}"))
            .ToBeCheckedAsync(new() { Checked = !ownerWon });
    }

    private static async Task OpenEditPermissionsAsync(IPage page, string name)
    {
        if (await page.TokenRows().CountAsync() == 0)
        {
            await page.OpenTokensAsync();
            await page.FilterByNameAsync(name);
        }
        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Edit permissions");
        await page.MudDialog().WaitForAsync();
    }

    private static ILocator Save(IPage page) => page.GetByTestId("save");

    private static ILocator Box(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    /// <returns>True when the dialog closed on save, false when it stayed open with a refusal.</returns>
    private static async Task<bool> SavedAsync(IPage page)
    {
        await page.WaitForFunctionAsync(
            "() => !document.querySelector('.mud-dialog') || !!document.querySelector('[data-testid=grant-error]')");
        return await page.MudDialog().CountAsync() == 0;
    }
}
