using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;

/// <summary>An API app whose background writer waits an hour, so each test decides when uses are written.</summary>
public sealed class LastUsedFixture() : ApiFixture(new Dictionary<string, string?>
{
    ["TokenAdmin:Api:LastUsedFlushInterval"] = "01:00:00",
});

/// <summary>Last-used times: noted in memory at most once a minute per token, written in batches.</summary>
public sealed class LastUsedTests(LastUsedFixture fixture) : IClassFixture<LastUsedFixture>
{
    private const string Self = "/api/api_tokens/self";

    private TestApp App => fixture.App;

    private TokenUsage Usage => App.Get<TokenUsage>();

    [Fact]
    public async Task ManyUsesWithinAMinuteAreNotedOnceAndWrittenWithTheFirstUsesClockTime()
    {
        var (token, client) = await fixture.CallerAsync();
        var firstUse = App.Clock.GetUtcNow();

        await SendAsync(client, 20);
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        await SendAsync(client, 20);
        var before = await LastUsedAsync(token);
        var written = await Usage.FlushAsync();
        var writtenAgain = await Usage.FlushAsync();

        Assert.Null(before);
        Assert.True(written >= 1);
        Assert.Equal(0, writtenAgain);
        Assert.Equal(firstUse, await LastUsedAsync(token));
    }

    [Fact]
    public async Task Use59SecondsLaterKeepsLastUsedAndUse60SecondsLaterMovesIt()
    {
        var (token, client) = await fixture.CallerAsync();
        var firstUse = App.Clock.GetUtcNow();

        await UseAndFlushAsync(client);
        App.Clock.Advance(TimeSpan.FromSeconds(59));
        await UseAndFlushAsync(client);
        var after59 = await LastUsedAsync(token);
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        await UseAndFlushAsync(client);

        Assert.Equal(firstUse, after59);
        Assert.Equal(firstUse.AddSeconds(60), await LastUsedAsync(token));
    }

    [Fact]
    public async Task PendingUseOfADeletedTokenIsDroppedAndTheRestOfTheBatchWritten()
    {
        var (gone, goneClient) = await fixture.CallerAsync();
        var (kept, keptClient) = await fixture.CallerAsync();
        var used = App.Clock.GetUtcNow();
        await goneClient.SendGetAsync(Self);
        await keptClient.SendGetAsync(Self);

        var deleted = await App.Get<TokenService>().DeleteAsync(await fixture.OwnerAsync(), gone.Token.Id);
        var written = await Usage.FlushAsync();

        Assert.True(deleted.Succeeded, deleted.Error);
        Assert.True(written >= 2);
        Assert.Equal(used, await LastUsedAsync(kept));
    }

    [Fact]
    public async Task RecordingSwitchedOffLeavesLastUsedEmpty()
    {
        await using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["TokenAdmin:Api:RecordLastUsed"] = "false",
        });
        var owner = await app.OwnerAsync();
        var token = await app.NewTokenAsync(
            owner, Unique.Name("unrecorded"), Arrange.AccountGrant(owner, AccessLevel.Viewer));
        using var client = app.ApiClient(token.Secret);

        var answer = await client.SendGetAsync(Self);
        var written = await app.Get<TokenUsage>().FlushAsync();

        Assert.Equal((System.Net.HttpStatusCode.OK, 0), (answer.Status, written));
        await using var db = app.CreateDbContext();
        Assert.Null(await db.ApiTokens.Where(t => t.Id == token.Token.Id).Select(t => t.LastUsedAt).SingleAsync());
    }

    [Fact]
    public async Task TokenListShowsTheLastUseOnceItIsWritten()
    {
        var (token, client) = await fixture.CallerAsync();
        var owner = await fixture.OwnerAsync();
        var used = App.Clock.GetUtcNow();
        var query = new TokenListQuery { Name = token.Token.Name };

        await client.SendGetAsync(Self);
        var before = (await App.Get<TokenQueries>().ListAsync(owner, query)).Rows.Single();
        await Usage.FlushAsync();
        var after = (await App.Get<TokenQueries>().ListAsync(owner, query)).Rows.Single();

        Assert.Equal((null, used), (before.LastUsedAt, after.LastUsedAt));
    }

    private async Task UseAndFlushAsync(HttpClient client)
    {
        await client.SendGetAsync(Self);
        await Usage.FlushAsync();
    }

    private static async Task SendAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
            await client.SendGetAsync(Self);
    }

    private async Task<DateTimeOffset?> LastUsedAsync(IssuedToken token)
    {
        await using var db = App.CreateDbContext();
        return await db.ApiTokens.Where(t => t.Id == token.Token.Id).Select(t => t.LastUsedAt).SingleAsync();
    }
}
