using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.SendingDomains;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

[Collection(ConsoleCollection.Name)]
public sealed class TokenMenuTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task ClipboardHoldsExactlyTheSecretWhenCopyTokenIsChosen()
    {
        var (name, secret) = await fixture.AddTokenAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);

        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Copy token");

        await Assertions.Expect(page.GetByText($"Token \"{name}\" copied to the clipboard.")).ToBeVisibleAsync();
        Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await using var db = fixture.App.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Event == "token.copied" && e.SubjectName == name));
    }

    [Fact]
    public async Task NothingChangesWhenDeleteDialogIsClosedWithoutConfirming()
    {
        var (name, secret) = await fixture.AddTokenAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);

        foreach (var close in DialogClosers.All)
        {
            await page.OpenTokenMenuAsync(name);
            await page.ChooseMenuItemAsync("Delete token");
            await Assertions.Expect(page.MudDialog()).ToContainTextAsync(name);
            await page.WaitForDialogFocusAsync();
            await close(page);
            await Assertions.Expect(page.MudDialog()).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page.TokenRows()).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await using var db = fixture.App.CreateDbContext();
        Assert.True(await db.ApiTokens.AnyAsync(t => t.SecretHash == TokenSecret.Hash(secret)));
    }

    [Fact]
    public async Task TokenIsGoneWhenDeleteIsConfirmed()
    {
        var (name, _) = await fixture.AddTokenAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);

        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Delete token");
        await page.GetByTestId("confirm").DblClickAsync();

        await Assertions.Expect(page.TokenRows()).ToHaveCountAsync(0);
        await using var db = fixture.App.CreateDbContext();
        Assert.False(await db.ApiTokens.AnyAsync(t => t.Name == name));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Event == "token.deleted" && e.SubjectName == name));
    }

    [Fact]
    public async Task DeleteIsRefusedNamingTheDomainWhenItIsTheDomainsLastToken()
    {
        // An app of its own: other tests add Account Admin tokens to the shared app, and those reach every domain.
        await using var app = new TestApp();
        var domain = Unique.Name("last") + ".example.com";
        var added = await app.Get<SendingDomainService>().AddAsync(await app.OwnerAsync(), domain);
        var tokenName = $"{domain} token";
        await using var context = await fixture.Browser.Chromium.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseUrl, TestApp.OwnerEmail, TestApp.OwnerPassword);
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(tokenName);
        var fullName = await page.TokenRows().GetByTestId("row-name").InnerTextAsync();

        await page.OpenTokenMenuAsync(fullName);
        await page.ChooseMenuItemAsync("Delete token");
        await page.GetByTestId("confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("dialog-error"))
            .ToHaveTextAsync(TokenRefusals.LastDomainToken(domain));
        await using var db = app.CreateDbContext();
        Assert.True(await db.ApiTokens.AnyAsync(t => t.Name.StartsWith(domain + " token ")));
        Assert.True(added.Succeeded);
    }

    [Fact]
    public async Task NewGrantsAreSavedWhenPermissionsAreEdited()
    {
        var project = await fixture.AddProjectAsync();
        var (name, _) = await fixture.AddTokenAsync(Grants.Of(ResourceRef.Project(project.Id), AccessLevel.Viewer));
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);

        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Edit permissions");
        await Assertions.Expect(page.GetByLabel($"Viewer on {project.Name}", new() { Exact = true }))
            .ToBeCheckedAsync();
        await page.GetByLabel($"Admin on {project.Name}", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(page.TokenRows()).ToContainTextAsync($"Admin: {project.Name}");
        await using var db = fixture.App.CreateDbContext();
        var grant = await db.ApiTokens.Where(t => t.Name == name).SelectMany(t => t.Access.Grants).SingleAsync();
        Assert.Equal(AccessLevel.Admin, grant.Level);
    }

    [Fact]
    public async Task EditIsRefusedAndOtherChangeKeptWhenSomeoneElseChangedTheTokenMeanwhile()
    {
        var first = await fixture.AddProjectAsync();
        var second = await fixture.AddProjectAsync();
        var (name, _) = await fixture.AddTokenAsync(Grants.Of(ResourceRef.Project(first.Id), AccessLevel.Viewer));
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);
        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Edit permissions");
        await Assertions.Expect(page.GetByLabel($"Viewer on {first.Name}", new() { Exact = true })).ToBeCheckedAsync();

        var tokenId = await TokenIdAsync(name);
        var meanwhile = await fixture.Service<TokenService>().UpdateGrantsAsync(await fixture.OwnerAsync(), tokenId, 0,
            [new GrantRequest(ResourceRef.Project(second.Id), AccessLevel.Viewer)]);
        await page.GetByLabel($"Admin on {first.Name}", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("save").ClickAsync();

        Assert.True(meanwhile.Succeeded);
        await Assertions.Expect(page.GetByTestId("grant-error")).ToHaveTextAsync(TokenRefusals.ChangedMeanwhile);
        await using var db = fixture.App.CreateDbContext();
        var grant = await db.Grants.SingleAsync(g => g.AccountAccessId == db.AccountAccesses
            .Single(a => a.ApiTokenId == tokenId).Id);
        Assert.Equal((second.Id, AccessLevel.Viewer), (grant.ResourceId, grant.Level));
    }

    private async Task<int> TokenIdAsync(string name)
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.ApiTokens.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }
}
