using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.SendingDomains;

[Collection(ConsoleCollection.Name)]
public sealed class SendingDomainsPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task DomainIsListedAndStoredWhenNameIsValid()
    {
        var name = UniqueDomain();
        var page = await OpenDomainsAsync();

        await page.CreateByNameAsync(name);

        await Assertions.Expect(page.Row("domains", name).Locator("td")).ToHaveTextAsync([name, ""]);
        await Assertions.Expect(page.FieldError()).ToHaveCountAsync(0);
        await using var db = fixture.App.CreateDbContext();
        var stored = await db.SendingDomains.SingleAsync(d => d.Name == name);
        Assert.Equal(await fixture.App.AccountIdAsync(), stored.AccountId);
        Assert.Equal(fixture.App.Clock.GetUtcNow(), stored.CreatedAt);
    }

    [Theory]
    [InlineData("not a domain")]
    [InlineData("-bad-.com")]
    public async Task NothingIsStoredWhenNameIsNotADomain(string name)
    {
        var page = await OpenDomainsAsync();
        var countBefore = await CountDomainsAsync();

        await page.CreateByNameAsync(name);

        await Assertions.Expect(page.FieldError())
            .ToHaveTextAsync($"\"{name}\" is not a valid domain name. Use a name such as example.com.");
        Assert.Equal(countBefore, await CountDomainsAsync());
    }

    [Fact]
    public async Task DuplicateIsRefusedWhenNameDiffersOnlyInCase()
    {
        var name = UniqueDomain();
        var existing = await fixture.App.AddDomainAsync(name);
        var page = await OpenDomainsAsync();
        var countBefore = await CountDomainsAsync();

        await page.CreateByNameAsync(name.ToUpperInvariant());

        await Assertions.Expect(page.FieldError())
            .ToHaveTextAsync($"{name} is already a sending domain of this account.");
        await Assertions.Expect(page.Row("domains", name)).ToHaveCountAsync(1);
        Assert.Equal(countBefore, await CountDomainsAsync());
        await using var db = fixture.App.CreateDbContext();
        Assert.Equal(existing.Id, (await db.SendingDomains.SingleAsync(d => d.Name == name)).Id);
    }

    [Fact]
    public async Task DomainIsDeletedWhenDeleteIsConfirmed()
    {
        var name = UniqueDomain();
        var domain = await fixture.App.AddDomainAsync(name);
        var page = await OpenDomainsAsync();
        await page.OpenDialogAsync($"Delete {name}");
        var message = await page.MudDialog().Locator(".mud-dialog-content").InnerTextAsync();

        await page.MudDialog().GetByTestId("confirm").ClickAsync();

        Assert.Equal($"Delete the sending domain {name}? Its grants are removed with it.", message);
        await Assertions.Expect(page.MudDialog()).ToHaveCountAsync(0);
        await Assertions.Expect(page.Row("domains", name)).ToHaveCountAsync(0);
        await using var db = fixture.App.CreateDbContext();
        Assert.False(await db.SendingDomains.AnyAsync(d => d.Id == domain.Id));
    }

    private static string UniqueDomain() => $"{TestData.UniqueName("mail")}.example.com";

    private async Task<IPage> OpenDomainsAsync()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GoToAsync("/sending-domains");
        return page;
    }

    private async Task<int> CountDomainsAsync()
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.SendingDomains.CountAsync();
    }
}
