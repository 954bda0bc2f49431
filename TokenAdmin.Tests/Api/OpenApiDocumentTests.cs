using System.Net;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Api;

public sealed class OpenApiDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task DocumentDescribesEveryEndpointInBothPathFormsWithoutAuthentication()
    {
        using var client = fixture.App.ApiClient();

        var answer = await client.SendGetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var paths = answer.Json.GetProperty("paths");
        string[] accountScoped =
        [
            "api_tokens", "api_tokens/{id}", "api_tokens/{id}/reset", "permissions/resources",
            "account_accesses", "account_accesses/{id}", "account_accesses/{id}/permissions/bulk",
        ];
        var expected = accountScoped
            .SelectMany(rest => new[] { $"/api/{rest}", $"/api/accounts/{{account_id}}/{rest}" })
            .Append("/api/accounts")
            .Append("/api/api_tokens/self")
            .Order();
        Assert.Equal(expected, paths.EnumerateObject().Select(p => p.Name).Order());
        var create = paths.GetProperty("/api/api_tokens").GetProperty("post");
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Equal("bearer", answer.Json.GetProperty("components").GetProperty("securitySchemes")
            .GetProperty("Bearer").GetProperty("scheme").GetString());
    }
}
