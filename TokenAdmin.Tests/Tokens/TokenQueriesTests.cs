using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

public sealed class TokenQueriesTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    public async Task NameFilterMatchesLikeWildcardsAsPlainCharacters(string wildcard)
    {
        var owner = await fixture.App.OwnerAsync();
        var marker = Unique.Name("wild");
        var literal = await fixture.App.NewTokenAsync(
            owner, $"{marker} 50{wildcard}off", Arrange.AccountGrant(owner, AccessLevel.Viewer));
        await fixture.App.NewTokenAsync(owner, $"{marker} 50 off", Arrange.AccountGrant(owner, AccessLevel.Viewer));

        var page = await fixture.App.Get<TokenQueries>().ListAsync(
            owner, new TokenListQuery { Name = $"{marker} 50{wildcard}" });

        Assert.Equal([literal.Token.Id], page.Rows.Select(row => row.Id));
    }

    [Fact]
    public async Task NoTokenIsListedWhenANameFilterHoldsANulCharacter()
    {
        var owner = await fixture.App.OwnerAsync();
        var marker = Unique.Name("nul");
        await fixture.App.NewTokenAsync(owner, $"{marker} a", Arrange.AccountGrant(owner, AccessLevel.Viewer));

        var byName = await fixture.App.Get<TokenQueries>().ListAsync(
            owner, new TokenListQuery { Name = $"{marker}\0" });
        var byCreator = await fixture.App.Get<TokenQueries>().ListAsync(
            owner, new TokenListQuery { Name = marker, Creator = "\0" });

        Assert.Equal((0, 0), (byName.Rows.Count, byName.Total));
        Assert.Equal((0, 0), (byCreator.Rows.Count, byCreator.Total));
    }
}
