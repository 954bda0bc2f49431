using Microsoft.Playwright;
using TokenAdmin.SendingDomains;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.SendingDomains;

[Collection(ConsoleCollection.Name)]
public sealed class IntegrationTabTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task SmtpAndApiSettingsCarryTheDomainTokenWhenDomainIsIntegrated()
    {
        var owner = await fixture.OwnerAsync();
        var added = await fixture.Service<SendingDomainService>().AddAsync(owner, $"{Unique.Name("mail")}.example.com");
        var domain = added.Value!;
        var token = (await fixture.Service<DomainTokens>().FindAsync(owner, domain.Id))!;
        var secret = (await fixture.Service<TokenService>().RevealAsync(owner, token.Id)).Value!;
        var page = await fixture.SignedInPageAsync();
        await page.GoToAsync($"/sending-domains/{domain.Id}");

        await page.GetByTestId("integrate").ClickAsync();
        var smtp = page.GetByTestId("smtp-settings");
        await Assertions.Expect(smtp).ToContainTextAsync("live.smtp.example.com");
        await Assertions.Expect(smtp).ToContainTextAsync("587, 2525, 25, 465");
        await Assertions.Expect(smtp).ToContainTextAsync($"…{secret[^4..]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Copied to the clipboard.")).ToBeVisibleAsync();
        Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await page.GetByText("Bulk", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("integration-mode").GetByText("API", new() { Exact = true }).ClickAsync();
        var api = page.GetByTestId("api-settings");
        await Assertions.Expect(api).ToContainTextAsync("bulk.api.example.com");
        await Assertions.Expect(page.GetByTestId("curl-example"))
            .ToContainTextAsync("curl https://bulk.api.example.com/api/send");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy example with token" }).ClickAsync();
        var example = await page.ClipboardStartingWithAsync("curl");
        Assert.Contains($"Authorization: Bearer {secret}", example);
        Assert.Equal($"{domain.Name} token {token.Id}", token.Name);
    }
}
