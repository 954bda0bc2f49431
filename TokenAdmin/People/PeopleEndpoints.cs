using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace TokenAdmin.People;

public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async Task<IResult> (
            HttpContext context,
            [FromServices] IAntiforgery antiforgery,
            [FromServices] SignInManager<ApplicationUser> signIn,
            [FromServices] UserManager<ApplicationUser> users) =>
        {
            // Only the console's own form may sign a person out, not a form on another site.
            if (!await antiforgery.IsRequestValidAsync(context))
                return TypedResults.BadRequest();

            // A new security stamp ends the person's other tabs too, at their next revalidation.
            if (await users.GetUserAsync(context.User) is { } user)
                await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
