using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

/// <summary>What Add Token accepts as a name and an expiry, checked by the service itself.</summary>
public sealed class TokenDraftValidationTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string NotInFuture = "Choose an expiry in the future.";
    private const string TooFar = "Choose an expiry at most 5 years ahead.";

    private TestApp App => fixture.App;

    [Theory]
    [InlineData(0, -1, NotInFuture)]
    [InlineData(0, -86_400, NotInFuture)]
    [InlineData(0, 0, NotInFuture)]
    [InlineData(5, 1, TooFar)]
    [InlineData(10, 0, TooFar)]
    public async Task CreateIsRefusedWhenTheExpiryIsNotWithinTheNextFiveYears(int years, int seconds, string error)
    {
        var owner = await App.OwnerAsync();
        var name = Unique.Name("expiry");
        var expiresAt = App.Clock.GetUtcNow().AddYears(years).AddSeconds(seconds);

        var outcome = await CreateAsync(owner, name, expiresAt);

        Assert.Equal(error, outcome.Error);
        Assert.Equal(0, await CountNamedAsync(name));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 0)]
    public async Task ExpiryIsStoredExactlyWhenItIsWithinTheNextFiveYears(int years, int seconds)
    {
        var owner = await App.OwnerAsync();
        var expiresAt = App.Clock.GetUtcNow().AddYears(years).AddSeconds(seconds);

        var outcome = await CreateAsync(owner, Unique.Name("expiry"), expiresAt);

        await using var db = App.CreateDbContext();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == outcome.Value!.Token.Id);
        Assert.Null(outcome.Error);
        Assert.Equal(expiresAt, stored.ExpiresAt);
    }

    [Theory]
    [InlineData("", "Enter a name.")]
    [InlineData("   ", "Enter a name.")]
    [InlineData("bell\a", "Remove control or invisible characters from the name.")]
    [InlineData("tab\tinside", "Remove control or invisible characters from the name.")]
    [InlineData("evil\u202Eexe.txt", "Remove control or invisible characters from the name.")]
    [InlineData("zero\u200Bwidth", "Remove control or invisible characters from the name.")]
    public async Task CreateIsRefusedWhenTheNameIsBlankOrHasControlCharacters(string name, string error)
    {
        var owner = await App.OwnerAsync();

        var outcome = await CreateAsync(owner, name, expiresAt: null);

        Assert.Equal(error, outcome.Error);
    }

    [Fact]
    public async Task CreateIsRefusedWhenTheNameHas256CharactersAfterTrimming()
    {
        var owner = await App.OwnerAsync();
        var name = Unique.Name("long").PadRight(256, 'x');

        var outcome = await CreateAsync(owner, $"  {name}  ", expiresAt: null);

        Assert.Equal("Use at most 255 characters.", outcome.Error);
        Assert.Equal(0, await CountNamedAsync(name));
    }

    [Fact]
    public async Task NameIsStoredTrimmedWhenItHas255CharactersAfterTrimming()
    {
        var owner = await App.OwnerAsync();
        var name = Unique.Name("long").PadRight(255, 'x');

        var outcome = await CreateAsync(owner, $"  {name}  ", expiresAt: null);

        Assert.Null(outcome.Error);
        Assert.Equal(1, await CountNamedAsync(name));
    }

    private Task<Outcome<IssuedToken>> CreateAsync(Actor owner, string name, DateTimeOffset? expiresAt) =>
        App.Get<TokenService>().CreateAsync(
            owner, new TokenDraft(name, expiresAt, [Arrange.AccountGrant(owner, AccessLevel.Viewer)]));

    private async Task<int> CountNamedAsync(string name)
    {
        await using var db = App.CreateDbContext();
        return await db.ApiTokens.CountAsync(t => t.Name == name);
    }
}
