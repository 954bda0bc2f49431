using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TokenAdmin.People;

namespace TokenAdmin.Tests.People;

/// <summary>
/// The API and the health check pass straight on: no owner check, so none of its services (a DbContext, a
/// UserManager) is built for them. A request with no services at all proves it.
/// </summary>
public sealed class FirstRunRedirectTests
{
    [Theory]
    [InlineData("/api/api_tokens/self")]
    [InlineData("/healthz")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task PassesOnWithoutTheOwnerCheckWhenThePathIsTheApiHealthOrAnAsset(string path)
    {
        var passedOn = false;
        var redirect = new FirstRunRedirect(_ =>
        {
            passedOn = true;
            return Task.CompletedTask;
        });
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Request.Path = path;

        await redirect.InvokeAsync(context);

        Assert.True(passedOn);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }
}
