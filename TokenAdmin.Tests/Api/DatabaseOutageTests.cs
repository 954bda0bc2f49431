using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using TokenAdmin.Accounts;
using TokenAdmin.Api;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Api;

/// <summary>
/// The API while its PostgreSQL server is down (a cluster of the test's own, stopped at once as in a crash): an
/// answer clients know to retry, not a 500, and normal answers again once the server is back.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed class DatabaseOutageTests : IAsyncDisposable
{
    private const string Tokens = "/api/api_tokens";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly PostgreSqlServer _server = PostgreSqlServer.StartAnother();
    private readonly TestApp _app;

    public DatabaseOutageTests()
    {
        var folder = Directory.CreateTempSubdirectory("tokenadmin-outage-").FullName;
        TestDatabase.SharePostgreSql(folder, _server.CreateDatabase());
        _app = new TestApp(dataDirectory: folder, postgreSql: true);
    }

    [Fact]
    public async Task RequestsAreAnswered503WithRetryAfterWhileTheDatabaseIsDownAndServedOnceItIsBack()
    {
        var owner = await _app.OwnerAsync();
        var admin = Arrange.AccountGrant(owner, AccessLevel.Admin);
        var token = await _app.NewTokenAsync(owner, Unique.Name("outage"), admin);
        using var client = _app.ApiClient(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendGetAsync(Tokens)).Status);

        _server.Stop();
        var down = await client.SendGetAsync(Tokens);
        var downAgain = await client.SendGetAsync(Tokens);
        _server.Start();
        var back = await StatusOnceServedAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("""{"errors":"Service unavailable"}""", down.Body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, downAgain.Status);
        Assert.Equal("5", down.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, back);
        Assert.DoesNotContain(_app.Logs.LinesSince(0), line =>
            line.Category == typeof(ApiErrorBoundary).FullName && line.Level >= LogLevel.Error);
        Assert.Contains(_app.Logs.LinesSince(0), line => line.Category == typeof(ApiErrorBoundary).FullName
            && line.Text.Contains("the database is unavailable", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_app.DataDirectory, recursive: true);
        _server.Remove();
    }

    /// <returns>200 once a request is served again, or the last status answered when the deadline passed.</returns>
    private static async Task<HttpStatusCode> StatusOnceServedAsync(HttpClient client)
    {
        var waited = Stopwatch.StartNew();
        var status = (await client.SendGetAsync(Tokens)).Status;
        // Connections the pool held from before the outage fail once each before fresh ones are made.
        while (status == HttpStatusCode.ServiceUnavailable && waited.Elapsed < Deadline)
        {
            await Task.Delay(50);
            status = (await client.SendGetAsync(Tokens)).Status;
        }
        return status;
    }
}
