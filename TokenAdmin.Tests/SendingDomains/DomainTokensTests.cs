using TokenAdmin.SendingDomains;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.SendingDomains;

public sealed class DomainTokensTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task IntegrationUsesTheSuccessorWhenTheDomainTokenWasReset()
    {
        var owner = await fixture.App.OwnerAsync();
        var (domain, _) = await fixture.App.NewDomainAsync(owner);
        var original = (await fixture.App.Get<DomainTokens>().FindAsync(owner, domain.Id))!;

        var reset = new TokenReset(original.Id, TimeSpan.FromHours(12));
        var successor = (await fixture.App.Get<TokenResetService>().ResetAsync(owner, reset)).Value!.Token;
        var shown = await fixture.App.Get<DomainTokens>().FindAsync(owner, domain.Id);

        Assert.Equal(successor.Id, shown!.Id);
    }

    [Theory]
    [InlineData("xn--bcher-kva.de", "bücher.de")]
    [InlineData("ｅｘａｍｐｌｅ.com", "example.com")]
    [InlineData("EXAMPLE.com.", "example.com")]
    public void NamesShareOneSpellingWhenTheyAreTheSameDomain(string typed, string stored)
    {
        Assert.Equal(stored, DomainNames.Normalize(typed));
    }
}
