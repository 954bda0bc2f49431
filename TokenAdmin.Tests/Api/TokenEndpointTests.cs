using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;

public sealed class TokenEndpointTests(ApiFixture fixture) : IClassFixture<ApiFixture>
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

    [Theory]
    [InlineData(ApiPaths.Long)]
    [InlineData(ApiPaths.Short)]
    public async Task ListAndGetShowTokenObjectsWithoutSecrets(string form)
    {
        var (caller, client) = await fixture.CallerAsync();
        var listed = await client.SendGetAsync(Path(form, caller, "api_tokens"));
        var one = await client.SendGetAsync(Path(form, caller, $"api_tokens/{caller.Token.Id}"));

        Assert.Equal(HttpStatusCode.OK, listed.Status);
        var mine = listed.Json.EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == caller.Token.Id);
        Assert.Equal(
            ["created_by", "expires_at", "id", "last_4_digits", "name", "resources"],
            mine.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(mine.ToString(), one.Json.ToString());
        Assert.DoesNotContain("tadm_", listed.Body);
    }

    [Theory]
    [InlineData("987654")]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task UnknownTokenIdsAre404(string id)
    {
        var (_, client) = await fixture.CallerAsync();

        var get = await client.SendGetAsync($"/api/api_tokens/{id}");
        var delete = await client.SendDeleteAsync($"/api/api_tokens/{id}");
        var reset = await client.SendPostAsync($"/api/api_tokens/{id}/reset");

        foreach (var answer in new[] { get, delete, reset })
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal("""{"error":"Not Found"}""", answer.Body);
        }
    }

    [Fact]
    public async Task TokenWithoutAccessToAnotherTokenDoesNotSeeIt()
    {
        var owner = await fixture.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var (_, client) = await fixture.CallerAsync(new GrantRequest(project, AccessLevel.Admin));
        var hidden = await App.NewTokenAsync(owner, "hidden", Arrange.AccountGrant(owner, AccessLevel.Viewer));

        var listed = await client.SendGetAsync("/api/api_tokens");
        var get = await client.SendGetAsync($"/api/api_tokens/{hidden.Token.Id}");

        Assert.DoesNotContain(listed.Json.EnumerateArray(), t => t.GetProperty("id").GetInt32() == hidden.Token.Id);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
    }

    [Theory]
    [InlineData(ApiPaths.Long)]
    [InlineData(ApiPaths.Short)]
    public async Task DeleteAnswers204AndTheSecretIsRefusedOnTheNextRequest(string form)
    {
        var (caller, client) = await fixture.CallerAsync();
        var (victim, victimClient) = await fixture.CallerAsync();
        Assert.Equal(HttpStatusCode.OK, (await victimClient.SendGetAsync("/api/api_tokens/self")).Status);

        var deleted = await client.SendDeleteAsync(Path(form, caller, $"api_tokens/{victim.Token.Id}"));
        var next = await victimClient.SendGetAsync("/api/api_tokens/self");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal("", deleted.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, next.Status);
    }

    [Fact]
    public async Task DeletingTheLastTokenOfADomainIs422NamingTheDomain()
    {
        // An app of its own: the shared one's account-Admin tokens would cover every domain.
        await using var app = new TestApp();
        var owner = await app.OwnerAsync();
        var (domain, domainName) = await app.NewDomainAsync(owner);
        var domainToken = await app.DomainTokenIdAsync(domain);
        var secret = (await app.Get<TokenService>().RevealAsync(owner, domainToken)).Value!;
        using var client = app.ApiClient(secret);

        var answer = await client.SendDeleteAsync($"/api/api_tokens/{domainToken}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var message = answer.Json.GetProperty("errors").GetProperty("base")[0].GetString();
        Assert.Equal(TokenRefusals.LastDomainToken(domainName), message);
        Assert.Equal(HttpStatusCode.OK, (await client.SendGetAsync("/api/api_tokens/self")).Status);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("empty form")]
    [InlineData("empty json")]
    [InlineData("json {}")]
    public async Task ResetAcceptsEveryBodyShapeOfTheClientLibraries(string shape)
    {
        var (caller, client) = await fixture.CallerAsync();
        var (old, oldClient) = await fixture.CallerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/api_tokens/{old.Token.Id}/reset");
        request.Content = shape switch
        {
            "empty form" => new FormUrlEncodedContent([]),
            "empty json" => new StringContent("", null, "application/json"),
            "json {}" => new StringContent("{}", null, "application/json"),
            _ => null,
        };

        var answer = await client.SendApiAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var successor = answer.Json;
        var successorId = successor.GetProperty("id").GetInt32();
        Assert.NotEqual(old.Token.Id, successorId);
        Assert.Equal($"{old.Token.Name} token {successorId}", successor.GetProperty("name").GetString());
        Assert.Equal(caller.Token.Name, successor.GetProperty("created_by").GetString());
        Assert.Equal(
            Instant(old.Token.ExpiresAt), successor.GetProperty("expires_at").GetString());
        var newSecret = successor.GetProperty("token").GetString()!;
        Assert.Equal(successorId, (await App.Get<TokenVerifier>().VerifyAsync(newSecret))!.Id);
        Assert.Equal(HttpStatusCode.OK, (await oldClient.SendGetAsync("/api/api_tokens/self")).Status);
    }

    [Fact]
    public async Task ResetWithExpiresAtGivesTheSuccessorThatExpiryAndASecondResetIs422()
    {
        var (_, client) = await fixture.CallerAsync();
        var (old, _) = await fixture.CallerAsync();

        var first = await client.SendPostAsync(
            $"/api/api_tokens/{old.Token.Id}/reset", """{"expires_at":"2031-05-06T07:08:09Z"}""");
        var second = await client.SendPostAsync($"/api/api_tokens/{old.Token.Id}/reset");

        Assert.Equal("2031-05-06T07:08:09.000Z", first.Json.GetProperty("expires_at").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.Status);
        Assert.Equal($$$"""{"errors":{"base":["{{{TokenRefusals.AlreadyReset}}}"]}}""", second.Body);
    }

    [Fact]
    public async Task ResetWithExplicitNullNeverExpiresAndWithAPastDateIs422()
    {
        var (_, client) = await fixture.CallerAsync();
        var (old, _) = await fixture.CallerAsync();

        var past = await client.SendPostAsync(
            $"/api/api_tokens/{old.Token.Id}/reset", """{"expires_at":"2000-01-01T00:00:00Z"}""");
        var never = await client.SendPostAsync($"/api/api_tokens/{old.Token.Id}/reset", """{"expires_at":null}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.Status);
        Assert.Equal("""{"errors":{"expires_at":["Choose an expiry in the future."]}}""", past.Body);
        Assert.Equal(JsonValueKind.Null, never.Json.GetProperty("expires_at").ValueKind);
    }

    [Fact]
    public async Task SelfAnswersTheCallingTokenWithItsResources()
    {
        var owner = await fixture.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var (caller, client) = await fixture.CallerAsync(new GrantRequest(project, AccessLevel.Viewer));

        var answer = await client.SendGetAsync("/api/api_tokens/self");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(caller.Token.Id, answer.Json.GetProperty("id").GetInt32());
        Assert.Equal([("project", project.Id, 10)], Resources(answer.Json));
        Assert.False(answer.Json.TryGetProperty("token", out _));
    }

    private static string Path(string form, IssuedToken caller, string rest) =>
        ApiPaths.For(form, caller.Token.AccountId, rest);

    private const string Absent = "(absent)";

    /// <summary>A create body granting Viewer on the caller's account unless other resources are given.</summary>
    private static string CreateBody(
        IssuedToken caller, string name, string? expiresAt = Absent, object[]? resources = null)
    {
        var grants = resources ?? [Account(caller, AccessLevel.Viewer)];
        return expiresAt == Absent
            ? ApiCalls.Json(new { name, resources = grants })
            : ApiCalls.Json(new { name, expires_at = expiresAt, resources = grants });
    }

    private static object Account(IssuedToken caller, AccessLevel level) =>
        new { resource_type = "account", resource_id = caller.Token.AccountId, access_level = (int)level };

    private async Task<int> TokenCountAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.ApiTokens.CountAsync();
    }

    private static string? Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static List<(string, int, int)> Resources(JsonElement token) =>
        [.. token.GetProperty("resources").EnumerateArray().Select(r => (
            r.GetProperty("resource_type").GetString()!,
            r.GetProperty("resource_id").GetInt32(),
            r.GetProperty("access_level").GetInt32()))];
}
