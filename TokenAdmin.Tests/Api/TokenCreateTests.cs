using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;
using static TokenAdmin.Tests.Api.TokenWire;

namespace TokenAdmin.Tests.Api;

public sealed class TokenCreateTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private TestApp App => fixture.App;

    [Theory]
    [InlineData(ApiPaths.Long)]
    [InlineData(ApiPaths.Short)]
    public async Task CreateAnswers200WithTheTokenObjectAndItsSecret(string form)
    {
        var (caller, client) = await fixture.CallerAsync();
        var (domain, _) = await App.NewDomainAsync(await fixture.OwnerAsync());
        var body = ApiCalls.Json(new
        {
            name = "  CI deploy  ",
            resources = new object[]
            {
                new { resource_type = "domain", resource_id = domain.Id.ToString(), access_level = 100 },
                new { resource_type = "account", resource_id = caller.Token.AccountId, access_level = 10 },
            },
        });

        var answer = await client.SendPostAsync(Path(form, caller, "api_tokens"), body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var json = answer.Json;
        var secret = json.GetProperty("token").GetString()!;
        Assert.True(TokenSecret.IsWellFormed(secret));
        Assert.Equal("CI deploy", json.GetProperty("name").GetString());
        Assert.Equal(secret[^4..], json.GetProperty("last_4_digits").GetString());
        Assert.Equal(caller.Token.Name, json.GetProperty("created_by").GetString());
        Assert.Equal(
            [("sending_domain", domain.Id, 100), ("account", caller.Token.AccountId, 10)],
            Resources(json));
        var created = await App.Get<TokenVerifier>().VerifyAsync(secret);
        Assert.Equal(json.GetProperty("id").GetInt32(), created!.Id);
    }

    [Fact]
    public async Task CreateWithoutExpiresAtGetsTheDefaultLifetimeAndExplicitNullNeverExpires()
    {
        var (caller, client) = await fixture.CallerAsync();
        var now = App.Clock.GetUtcNow();

        var defaulted = await client.SendPostAsync("/api/api_tokens", CreateBody(caller, "defaulted"));
        var never = await client.SendPostAsync("/api/api_tokens", CreateBody(caller, "never", expiresAt: null));
        var dated = await client.SendPostAsync(
            "/api/api_tokens", CreateBody(caller, "dated", "2030-01-02T03:04:05+02:00"));

        Assert.Equal(Instant(now.AddDays(365)), defaulted.Json.GetProperty("expires_at").GetString());
        Assert.Equal(JsonValueKind.Null, never.Json.GetProperty("expires_at").ValueKind);
        Assert.Equal("2030-01-02T01:04:05.000Z", dated.Json.GetProperty("expires_at").GetString());
    }

    [Theory]
    [InlineData("\"2001-01-01T00:00:00Z\"", "Choose an expiry in the future.")]
    [InlineData("\"next tuesday\"", "Expires at must be an ISO 8601 timestamp or null.")]
    [InlineData("12345", "Expires at must be an ISO 8601 timestamp or null.")]
    public async Task CreateWithAnUnusableExpiryIs422OnExpiresAt(string expiresAt, string message)
    {
        var (caller, client) = await fixture.CallerAsync();
        var viewer = ApiCalls.Json(Account(caller, AccessLevel.Viewer));
        var body = $$"""{"name":"x","expires_at":{{expiresAt}},"resources":[{{viewer}}]}""";

        var answer = await client.SendPostAsync("/api/api_tokens", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal($$$"""{"errors":{"expires_at":["{{{message}}}"]}}""", answer.Body);
    }

    [Fact]
    public async Task CreateMoreThanFiveYearsAheadIs422AndExactlyFiveYearsIsAccepted()
    {
        var (caller, client) = await fixture.CallerAsync();
        var limit = App.Clock.GetUtcNow().AddYears(5);

        var beyond = await client.SendPostAsync(
            "/api/api_tokens", CreateBody(caller, "beyond", Instant(limit.AddSeconds(1))));
        var at = await client.SendPostAsync("/api/api_tokens", CreateBody(caller, "at limit", Instant(limit)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, beyond.Status);
        Assert.Equal("""{"errors":{"expires_at":["Choose an expiry at most 5 years ahead."]}}""", beyond.Body);
        Assert.Equal(HttpStatusCode.OK, at.Status);
    }

    [Theory]
    [InlineData("""{"name":"x"}""")]
    [InlineData("""{"name":"x","resources":[]}""")]
    [InlineData("""{"name":"x","resources":null}""")]
    public async Task CreateWithNoResourcesIs422WithTheContractMessage(string body)
    {
        var (_, client) = await fixture.CallerAsync();

        var answer = await client.SendPostAsync("/api/api_tokens", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(
            """{"errors":{"base":["No permissions selected. Please choose at least one."]}}""", answer.Body);
    }

    [Fact]
    public async Task CreateCollectsEveryFieldErrorInOneAnswer()
    {
        var (caller, client) = await fixture.CallerAsync();

        var answer = await client.SendPostAsync(
            "/api/api_tokens", """{"name":"   ","expires_at":true,"resources":[{"resource_type":"galaxy"}]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var errors = answer.Json.GetProperty("errors");
        Assert.Equal(["expires_at", "resources"], errors.EnumerateObject().Select(p => p.Name).Order());
        var blankName = await client.SendPostAsync("/api/api_tokens", CreateBody(caller, "   "));
        Assert.Equal("""{"errors":{"name":["Enter a name."]}}""", blankName.Body);
    }

    [Fact]
    public async Task CreateOnAResourceThatDoesNotExistIs422()
    {
        var (_, client) = await fixture.CallerAsync();
        var body = """{"name":"x","resources":[{"resource_type":"project","resource_id":987654,"access_level":10}]}""";

        var answer = await client.SendPostAsync("/api/api_tokens", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("does not exist", answer.Body);
    }

    [Fact]
    public async Task CreateGrantingMoreThanTheCallerHoldsIs403AndAddsNothing()
    {
        var owner = await fixture.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var (caller, client) = await fixture.CallerAsync(new GrantRequest(project, AccessLevel.Admin));
        var before = await TokenCountAsync();

        var answer = await client.SendPostAsync(
            "/api/api_tokens", CreateBody(caller, "escalate", resources: [Account(caller, AccessLevel.Admin)]));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("""{"errors":"Account access forbidden"}""", answer.Body);
        Assert.Equal(before, await TokenCountAsync());
    }

    private async Task<int> TokenCountAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.ApiTokens.CountAsync();
    }
}
