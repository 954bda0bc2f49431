using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;
using static TokenAdmin.Tests.Api.TokenWire;

namespace TokenAdmin.Tests.Api;

public sealed class TokenEndpointTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private TestApp App => fixture.App;

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
}
