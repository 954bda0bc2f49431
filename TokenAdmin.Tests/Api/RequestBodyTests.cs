using System.Net;
using System.Text;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Api;

/// <summary>Bodies the robust-input property found answered wrongly: a bare 415, or a 500.</summary>
public sealed class RequestBodyTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ResetSentAsAnEmptyFormIssuesASuccessor()
    {
        var owner = await fixture.OwnerAsync();
        var old = await fixture.App.NewTokenAsync(
            owner, Unique.Name("old"), Arrange.AccountGrant(owner, AccessLevel.Viewer));
        var (_, client) = await fixture.CallerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/api_tokens/{old.Token.Id}/reset")
        {
            Content = new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        var answer = await client.SendApiAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("tadm_", answer.Json.GetProperty("token").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task JsonUnderAnotherContentTypeIsReadAsJson(string contentType)
    {
        var (_, client) = await fixture.CallerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/api_tokens")
        {
            Content = new ByteArrayContent("""{"name":"typed oddly","resources":[]}"""u8.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var answer = await client.SendApiAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(
            """{"errors":{"base":["No permissions selected. Please choose at least one."]}}""", answer.Body);
    }

    [Theory]
    [InlineData("""{"name":"\ud800","resources":[]}""")]
    [InlineData("""{"name":"ok","resources":[{"resource_type":"\udc00x"}]}""")]
    [InlineData("""{"\ud800":1,"name":"ok","resources":[]}""")]
    [InlineData("{\"name\":\"caf\xE9\",\"resources\":[]}")]
    public async Task StringThatIsNotUnicodeTextIsA400NotA500(string latin1Json)
    {
        var (_, client) = await fixture.CallerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/api_tokens")
        {
            Content = new ByteArrayContent(Encoding.Latin1.GetBytes(latin1Json)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        var answer = await client.SendApiAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(
            """{"errors":{"base":["Strings in the request body must be valid Unicode text in UTF-8."]}}""",
            answer.Body);
    }
}
