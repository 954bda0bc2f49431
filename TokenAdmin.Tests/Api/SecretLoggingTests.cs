using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using TokenAdmin.Accounts;
using TokenAdmin.Sandboxes;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;

/// <summary>
/// Drives secrets through every path that might log them and reads the app's log lines at Debug: the lines must
/// name tokens by id and last four characters, and never hold a secret, whether issued, copied or refused.
/// </summary>
public sealed class SecretLoggingTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task TokenLifecycleLogsIdsAndLastFourButNoSecret()
    {
        var mark = App.Logs.Written;
        var (_, client) = await fixture.CallerAsync();

        var created = await client.SendPostAsync("/api/api_tokens", await CreateBodyAsync("logged"));
        var id = created.Json.GetProperty("id").GetInt32();
        var reset = await client.SendPostAsync($"/api/api_tokens/{id}/reset");
        var successorId = reset.Json.GetProperty("id").GetInt32();
        var copied = await App.Get<TokenService>().RevealAsync(await fixture.OwnerAsync(), successorId);
        var deleted = await client.SendDeleteAsync($"/api/api_tokens/{successorId}");

        var lines = Texts(mark);
        var secret = created.Json.GetProperty("token").GetString()!;
        var successor = reset.Json.GetProperty("token").GetString()!;
        var successorLast4 = $"{successorId} (…{successor[^4..]})";
        Assert.Equal((HttpStatusCode.NoContent, successor), (deleted.Status, copied.Value));
        Assert.Contains(lines, line => line.Contains($"Token {id} (…{secret[^4..]}) created"));
        Assert.Contains(lines, line => line.Contains($"Token {id} reset; successor {successorLast4}"));
        Assert.Contains(lines, line => line.Contains($"Token {successorLast4} copied"));
        Assert.Contains(lines, line => line.Contains($"Token {successorLast4} deleted"));
        Assert.Contains(App.Logs.LinesSince(mark), line => IsDebugFrom("Microsoft.AspNetCore.", line));
        AssertNoneHolds(mark, secret, successor);
    }

    [Fact]
    public async Task RefusedAuthenticationLogsNoOfferedSecret()
    {
        var owner = await fixture.OwnerAsync();
        var expiring = await App.Get<TokenService>().CreateAsync(owner, new TokenDraft(
            Unique.Name("expiring"), App.Clock.GetUtcNow().AddMinutes(1),
            [Arrange.AccountGrant(owner, AccessLevel.Viewer)]));
        var deleted = await App.NewTokenAsync(
            owner, Unique.Name("deleted"), Arrange.AccountGrant(owner, AccessLevel.Viewer));
        await App.Get<TokenService>().DeleteAsync(owner, deleted.Token.Id);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var known = expiring.Value!.Secret;
        string[] offered =
        [
            known, deleted.Secret, TokenSecret.Generate(), known[..^1] + (known[^1] == 'a' ? 'b' : 'a'),
            "tadm_" + new string('x', 20), "not-a-token-" + Guid.NewGuid(),
        ];
        var body = await CreateBodyAsync("refused");
        var mark = App.Logs.Written;

        var statuses = new List<HttpStatusCode>();
        foreach (var secret in offered)
        {
            using var bearer = App.ApiClient(secret);
            using var legacy = App.LegacyApiClient(secret);
            statuses.Add((await bearer.SendGetAsync("/api/api_tokens")).Status);
            statuses.Add((await legacy.SendPostAsync("/api/api_tokens", body)).Status);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Contains(Texts(mark), line => line.Contains("ApiToken was not authenticated"));
        AssertNoneHolds(mark, offered);
    }

    [Fact]
    public async Task FailedRequestsLogNoSecret()
    {
        var (caller, client) = await fixture.CallerAsync();
        var owner = await fixture.OwnerAsync();
        var (_, viewerClient) = await fixture.CallerAsync(Arrange.AccountGrant(owner, AccessLevel.Viewer));
        var mark = App.Logs.Written;

        var invalid = await client.SendPostAsync("/api/api_tokens", """{"name":"x","expires_at":1}""");
        var malformed = await client.SendPostAsync("/api/api_tokens", """{"name":""");
        var missing = await client.SendDeleteAsync("/api/api_tokens/987654");
        var forbidden = await viewerClient.SendDeleteAsync($"/api/api_tokens/{caller.Token.Id}");
        var brokenChunks = await SendBrokenChunkedBodyAsync(caller.Secret);

        Assert.Equal(
            [HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest, HttpStatusCode.NotFound,
                HttpStatusCode.Forbidden],
            [invalid.Status, malformed.Status, missing.Status, forbidden.Status]);
        Assert.StartsWith("HTTP/1.1 400", brokenChunks);
        Assert.Contains(Texts(mark), line => line.Contains("API request refused as malformed"));
        AssertNoneHolds(mark, caller.Secret);
    }

    [Fact]
    public async Task SandboxCredentialsIssuedResetAndCopiedLogNoPassword()
    {
        var owner = await fixture.OwnerAsync();
        var credentials = App.Get<SandboxCredentialService>();
        var mark = App.Logs.Written;

        var sandbox = await App.NewSandboxAsync(owner);
        var (first, firstPassword) = await App.CurrentCredentialsAsync(owner, sandbox.Id);
        var reset = (await credentials.ResetAsync(owner, sandbox.Id)).Value!;
        var copied = await credentials.RevealPasswordAsync(owner, reset.Credential.Id);

        Assert.Equal(reset.Password, copied.Value);
        var replaced = $"credentials {first.Id} replaced by {reset.Credential.Id}";
        Assert.Contains(Texts(mark), line => line.Contains(replaced));
        AssertNoneHolds(mark, firstPassword, reset.Password);
    }

    private List<string> Texts(long mark) => [.. App.Logs.LinesSince(mark).Select(line => line.Text)];

    /// <summary>No line since the mark holds a secret, and there are lines: framework Debug lines among them.</summary>
    private void AssertNoneHolds(long mark, params string[] secrets)
    {
        var lines = Texts(mark);
        Assert.Contains(App.Logs.LinesSince(mark), line => IsDebugFrom("Microsoft.", line));
        foreach (var secret in secrets)
        {
            var holding = lines.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(holding is null, $"A log line holds a secret: {SecretShapes.Mask(holding ?? "", secret)}");
        }
        Assert.Empty(App.Logs.Leaks);
    }

    private static bool IsDebugFrom(string categoryPrefix, LogLine line) =>
        line.Level == LogLevel.Debug && line.Category.StartsWith(categoryPrefix, StringComparison.Ordinal);

    private async Task<string> CreateBodyAsync(string name)
    {
        var owner = await fixture.OwnerAsync();
        return ApiCalls.Json(new
        {
            name = Unique.Name(name),
            resources = new[] { new { resource_type = "account", resource_id = owner.AccountId, access_level = 10 } },
        });
    }

    /// <summary>A body whose chunk framing breaks, so Kestrel throws while the endpoint reads it.</summary>
    private async Task<string> SendBrokenChunkedBodyAsync(string secret)
    {
        var address = new Uri(App.BaseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, address.Port);
        await using var stream = tcp.GetStream();
        var request =
            $"POST /api/api_tokens HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {secret}\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? "";
    }
}
