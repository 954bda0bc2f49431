using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TokenAdmin.People;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Api;

/// <summary>The console's sign-in cookie opens the console, never the API: the API reads tokens only.</summary>
public sealed class ConsoleCookieTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task OwnersSignInCookieIs401OnTheApiWhenItOpensTheConsole()
    {
        var cookie = await OwnerCookieAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(fixture.App.BaseUrl),
        };
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        var console = await client.SendGetAsync("/settings/api-tokens");
        var api = await client.SendGetAsync("/api/api_tokens/self");

        Assert.Equal(HttpStatusCode.OK, console.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, api.Status);
        Assert.Equal("""{"error":"Incorrect API token"}""", api.Body);
    }

    /// <summary>The cookie a browser holds once the owner signs in, made by the app's own ticket protector.</summary>
    private async Task<string> OwnerCookieAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var owner = await users.Users.SingleAsync(user => user.Email == TestApp.OwnerEmail);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>()
            .CreateAsync(owner);
        var cookies = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme);
        return $"{cookies.Cookie.Name}={cookies.TicketDataFormat.Protect(ticket)}";
    }
}
