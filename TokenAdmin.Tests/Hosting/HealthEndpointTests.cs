using System.Net;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task AnswersOkJsonWhenCalledWithoutAnyCredentials()
    {
        await using var app = new TestApp();
        using var client = app.ApiClient();

        var answer = await client.SendGetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.ContentType?.MediaType);
        Assert.Equal("""{"status":"ok"}""", answer.Body);
    }

    [Fact]
    public async Task AnswersOkInsteadOfTheFirstRunPageWhenNoOwnerExistsYet()
    {
        await using var app = new TestApp(withOwner: false);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };

        var answer = await client.SendGetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("""{"status":"ok"}""", answer.Body);
    }
}
