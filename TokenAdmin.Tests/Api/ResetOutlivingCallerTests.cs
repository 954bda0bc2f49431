using System.Net;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;

/// <summary>
/// "No token creates a token that outlives it" must hold for resets too: a reset answers with the successor's
/// secret, so an expiring token that may reset could otherwise mint itself a secret that never expires.
/// </summary>
public sealed class ResetOutlivingCallerTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task SelfResetToNeverIsRefusedWhenTheCallerExpires()
    {
        var (caller, client) = await ExpiringAdminAsync();
        using var _ = client;

        var answer = await client.SendPostAsync(
            $"/api/api_tokens/{caller.Token.Id}/reset", ApiCalls.Json(new { expires_at = (string?)null }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("outlives it", answer.Json.GetProperty("errors").GetProperty("expires_at")[0].GetString());
        Assert.NotNull(await App.Get<TokenVerifier>().VerifyAsync(caller.Secret));
    }

    [Fact]
    public async Task ResetWithinTheCallersLifeIsIssuedWhenTheCallerExpires()
    {
        var owner = await fixture.OwnerAsync();
        var target = await App.NewTokenAsync(owner, "target", Arrange.AccountGrant(owner, AccessLevel.Viewer));
        var (_, client) = await ExpiringAdminAsync();
        using var _ = client;
        var day = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

        var answer = await client.SendPostAsync(
            $"/api/api_tokens/{target.Token.Id}/reset", ApiCalls.Json(new { expires_at = day }));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("tadm_", answer.Json.GetProperty("token").GetString());
    }

    [Fact]
    public async Task ResetOfANeverExpiringTokenIsRefusedWhenTheCallerExpires()
    {
        var owner = await fixture.OwnerAsync();
        var forever = await App.NewTokenAsync(owner, "forever", Arrange.AccountGrant(owner, AccessLevel.Viewer));
        var (_, client) = await ExpiringAdminAsync();
        using var __ = client;

        var answer = await client.SendPostAsync($"/api/api_tokens/{forever.Token.Id}/reset");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.NotNull(await App.Get<TokenVerifier>().VerifyAsync(forever.Secret));
    }

    private async Task<(IssuedToken Caller, HttpClient Client)> ExpiringAdminAsync()
    {
        var owner = await fixture.OwnerAsync();
        var ends = App.Clock.GetUtcNow().AddDays(2);
        var draft = new TokenDraft("short", ends, [Arrange.AccountGrant(owner, AccessLevel.Admin)]);
        var caller = (await App.Get<TokenService>().CreateAsync(owner, draft)).Value!;
        return (caller, App.ApiClient(caller.Secret));
    }
}
