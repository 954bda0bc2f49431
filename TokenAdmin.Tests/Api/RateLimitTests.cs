using System.Net;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Api;

/// <summary>The default limit: 150 requests per token in a fixed 10-second window on the app's clock.</summary>
public sealed class RateLimitTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Self = "/api/api_tokens/self";
    private const string RateLimited = """{"errors":"Rate limit exceeded"}""";

    [Fact]
    public async Task HundredFiftiethRequestPassesWithNoneRemainingAndTheNextIs429()
    {
        var (_, client) = await fixture.CallerAsync();

        var first = await SendAsync(client, 149);
        var last = await client.SendGetAsync(Self);
        var over = await client.SendGetAsync(Self);

        Assert.All(first, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Equal(
            Enumerable.Range(1, 149).Reverse().Select(n => $"{n}"),
            first.Select(answer => answer.Header("X-Ratelimit-Remaining")));
        Assert.Equal(
            (HttpStatusCode.OK, "150", "0"),
            (last.Status, last.Header("X-Ratelimit-Limit"), last.Header("X-Ratelimit-Remaining")));
        Assert.Equal((HttpStatusCode.TooManyRequests, RateLimited), (over.Status, over.Body));
        Assert.Equal(("150", "0"), (over.Header("X-Ratelimit-Limit"), over.Header("X-Ratelimit-Remaining")));
    }

    [Fact]
    public async Task AnotherTokenIsUnaffectedWhenOneIsOverItsLimit()
    {
        var (_, limited) = await fixture.CallerAsync();
        var (_, other) = await fixture.CallerAsync();

        var limitedAnswers = await SendAsync(limited, 151);
        var otherAnswer = await other.SendGetAsync(Self);

        Assert.Equal(HttpStatusCode.TooManyRequests, limitedAnswers[^1].Status);
        Assert.Equal((HttpStatusCode.OK, "149"), (otherAnswer.Status, otherAnswer.Header("X-Ratelimit-Remaining")));
    }

    [Fact]
    public async Task WindowEndLetsRequestsThroughAgainWhileOneTickBeforeIsStill429()
    {
        var (_, client) = await fixture.CallerAsync();
        var window = TimeSpan.FromSeconds(10);

        var answers = await SendAsync(client, 151);
        fixture.App.Clock.Advance(window - TimeSpan.FromTicks(1));
        var tickBefore = await client.SendGetAsync(Self);
        fixture.App.Clock.Advance(TimeSpan.FromTicks(1));
        var atEnd = await client.SendGetAsync(Self);

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].Status);
        Assert.Equal((HttpStatusCode.TooManyRequests, RateLimited), (tickBefore.Status, tickBefore.Body));
        Assert.Equal((HttpStatusCode.OK, "149"), (atEnd.Status, atEnd.Header("X-Ratelimit-Remaining")));
    }

    [Fact]
    public async Task LimitOfZeroSwitchesLimitingAndItsHeadersOff()
    {
        await using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["TokenAdmin:Api:RateLimit"] = "0",
        });
        var owner = await app.OwnerAsync();
        var token = await app.NewTokenAsync(
            owner, Unique.Name("unlimited"), Arrange.AccountGrant(owner, AccessLevel.Viewer));
        using var client = app.ApiClient(token.Secret);

        var answers = await SendAsync(client, 200);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.All(answers, answer => Assert.Null(answer.Header("X-Ratelimit-Limit")));
        Assert.All(answers, answer => Assert.Null(answer.Header("X-Ratelimit-Remaining")));
    }

    private static async Task<List<ApiAnswer>> SendAsync(HttpClient client, int count)
    {
        var answers = new List<ApiAnswer>();
        for (var i = 0; i < count; i++)
            answers.Add(await client.SendGetAsync(Self));
        return answers;
    }
}
