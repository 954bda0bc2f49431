using System.Net;
using Microsoft.AspNetCore.Identity;
using TokenAdmin.People;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.People;

public sealed class SignOutTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task SignOutIsRefusedWhenTheFormCarriesNoAntiforgeryToken()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
