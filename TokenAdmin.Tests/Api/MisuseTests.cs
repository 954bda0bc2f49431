using System.Net;
using System.Text;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;

/// <summary>What a leaked secret, a narrow token or a sloppy client tries, and how the API answers.</summary>
public sealed class MisuseTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task TokensAViewerCannotSeeAreNotFoundForResetAndDeleteRatherThanForbidden()
    {
        var owner = await fixture.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var onSandbox = new GrantRequest(ResourceRef.Sandbox(sandbox.Id), AccessLevel.Viewer);
        var (_, viewer) = await fixture.CallerAsync(onSandbox);
        var hidden = await App.NewTokenAsync(owner, "hidden", Arrange.AccountGrant(owner, AccessLevel.Admin));

        var reset = await viewer.SendPostAsync($"/api/api_tokens/{hidden.Token.Id}/reset");
        var delete = await viewer.SendDeleteAsync($"/api/api_tokens/{hidden.Token.Id}");

        Assert.Equal(HttpStatusCode.NotFound, reset.Status);
        Assert.Equal(HttpStatusCode.NotFound, delete.Status);
        Assert.NotNull(await App.Get<TokenVerifier>().VerifyAsync(hidden.Secret));
    }

    [Theory]
    [InlineData("GET", "/api/no_such_thing")]
    [InlineData("POST", "/api/no_such_thing")]
    [InlineData("PUT", "/api/api_tokens/1/no_such_thing")]
    [InlineData("PATCH", "/api/accounts/1/no_such_thing")]
    [InlineData("DELETE", "/api/accounts")]
    public async Task UnknownApiAddressesAreTheContractsNotFoundWhateverTheMethod(string method, string path)
    {
        var (_, client) = await fixture.CallerAsync();

        var answer = await client.SendApiAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var anonymous = await App.ApiClient().SendApiAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("""{"error":"Not Found"}""", answer.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }

    [Fact]
    public async Task ResetTokenStillReadsInItsGraceWindowButChangesNothing()
    {
        var owner = await fixture.OwnerAsync();
        var (old, client) = await fixture.CallerAsync();
        var reset = await App.Get<TokenResetService>()
            .ResetAsync(owner, new TokenReset(old.Token.Id, TimeSpan.FromHours(12)));
        var create = ApiCalls.Json(new
        {
            name = "persist", expires_at = (string?)null,
            resources = new[]
            {
                new { resource_type = "account", resource_id = owner.AccountId, access_level = 100 },
            },
        });

        var read = await client.SendGetAsync("/api/api_tokens");
        var created = await client.SendPostAsync("/api/api_tokens", create);
        var deleted = await client.SendDeleteAsync($"/api/api_tokens/{reset.Value!.Token.Id}");
        var resetAgain = await client.SendPostAsync(
            $"/api/accounts/{owner.AccountId}/api_tokens/{reset.Value!.Token.Id}/reset");
        var unknown = await client.SendPostAsync("/api/no_such_thing", create);

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.Forbidden, created.Status);
        Assert.Equal(HttpStatusCode.Forbidden, deleted.Status);
        Assert.Equal(HttpStatusCode.Forbidden, resetAgain.Status);
    }

    [Fact]
    public async Task ExpiringTokenCannotCreateATokenThatOutlivesItAndItsDefaultIsCapped()
    {
        var owner = await fixture.OwnerAsync();
        var ends = App.Clock.GetUtcNow().AddDays(2);
        var draft = new TokenDraft("short", ends, [Arrange.AccountGrant(owner, AccessLevel.Admin)]);
        var caller = (await App.Get<TokenService>().CreateAsync(owner, draft)).Value!;
        using var client = App.ApiClient(caller.Secret);
        var resources = new[] { new { resource_type = "account", resource_id = owner.AccountId, access_level = 10 } };

        var never = await client.SendPostAsync(
            "/api/api_tokens", ApiCalls.Json(new { name = "n", expires_at = (string?)null, resources }));
        var defaulted = await client.SendPostAsync("/api/api_tokens", ApiCalls.Json(new { name = "d", resources }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, never.Status);
        Assert.Contains("outlives it", never.Json.GetProperty("errors").GetProperty("expires_at")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, defaulted.Status);
        Assert.Equal(
            ends.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            defaulted.Json.GetProperty("expires_at").GetString());
    }

    [Fact]
    public async Task AuthorizationHeaderThatIsNotBearerIsRefusedEvenBesideAValidApiTokenHeader()
    {
        var (token, _) = await fixture.CallerAsync();
        using var client = App.LegacyApiClient(token.Secret);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/api_tokens/self");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        var answer = await client.SendApiAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Theory]
    [InlineData("""{"name":"\ud800lone","resources":[]}""")]
    [InlineData("""{"name":"x","expires_at":"\udc00","resources":[]}""")]
    public async Task InvalidTextInABodyIsAClientErrorNotA500(string body)
    {
        var (_, client) = await fixture.CallerAsync();

        var answer = await client.SendPostAsync("/api/api_tokens", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(
            """{"errors":{"base":["Strings in the request body must be valid Unicode text in UTF-8."]}}""",
            answer.Body);
    }

    [Theory]
    [InlineData("06/30/2030")]
    [InlineData("June 30, 2030")]
    [InlineData("2030-06-30 10:00:00")]
    public async Task ExpiryThatIsNotIso8601Is422(string expiresAt)
    {
        var (caller, client) = await fixture.CallerAsync();

        var answer = await client.SendPostAsync("/api/api_tokens", CreateBody(caller, expiresAt));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
    }

    [Fact]
    public async Task DateOnlyExpiryMeansThroughThatWholeDayUtc()
    {
        var (caller, client) = await fixture.CallerAsync();

        var answer = await client.SendPostAsync("/api/api_tokens", CreateBody(caller, "2030-06-30"));

        Assert.Equal("2030-07-01T00:00:00.000Z", answer.Json.GetProperty("expires_at").GetString());
    }

    [Fact]
    public async Task BodyWithAByteOrderMarkIsRead()
    {
        var (caller, client) = await fixture.CallerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/api_tokens");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(CreateBody(caller, null))).ToArray();
        request.Content = new ByteArrayContent(bytes);

        var answer = await client.SendApiAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task AccountIdWithLeadingZerosIsTheSameAccount()
    {
        var (caller, client) = await fixture.CallerAsync();

        var path = $"/api/accounts/0{caller.Token.AccountId}/api_tokens/{caller.Token.Id}";

        var answer = await client.SendGetAsync(path);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task NodeClientsDomainFilterAndResourceTypeSpellingAreUnderstood()
    {
        var owner = await fixture.OwnerAsync();
        var (domain, _) = await App.NewDomainAsync(owner);
        var (_, client) = await fixture.CallerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var elsewhere = await App.NewTokenAsync(owner, "elsewhere", new GrantRequest(project, AccessLevel.Viewer));
        var body = ApiCalls.Json(new
        {
            name = "mailsend",
            resources = new[]
            {
                new { resource_type = "mailsend_domain", resource_id = domain.Id, access_level = 10 },
            },
        });

        var created = await client.SendPostAsync("/api/api_tokens", body);
        var filtered = await client.SendGetAsync($"/api/account_accesses?domain_uuids[]={domain.Id}");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var ids = filtered.Json.EnumerateArray()
            .Where(a => a.GetProperty("specifier_type").GetString() == "ApiToken")
            .Select(a => a.GetProperty("specifier").GetProperty("id").GetInt32())
            .ToList();
        Assert.Contains(created.Json.GetProperty("id").GetInt32(), ids);
        Assert.DoesNotContain(elsewhere.Token.Id, ids);
    }

    private static string CreateBody(IssuedToken caller, string? expiresAt) => ApiCalls.Json(new
    {
        name = "dated",
        expires_at = expiresAt,
        resources = new[]
        {
            new { resource_type = "account", resource_id = caller.Token.AccountId, access_level = 10 },
        },
    });
}
