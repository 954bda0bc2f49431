using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace TokenAdmin.People;

public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder endpoints)
    {
        // A form post with the antiforgery token: a link elsewhere cannot sign anybody out.
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return endpoints;
    }
}
