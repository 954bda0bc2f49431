using TokenAdmin.Hosting;

namespace TokenAdmin.People;

/// <summary>
/// Until the console has an owner, every page leads to the first-run page; once it has one, that page is gone.
/// </summary>
public sealed class FirstRunRedirect(RequestDelegate next)
{
    public const string SetupPath = "/setup";

    // The API and its description answer token holders, and the health check monitors: none of them has a use
    // for the first-run page.
    private static readonly string[] AssetPrefixes =
        ["/_framework", "/_content", "/_blazor", "/css", "/favicon", "/api", "/openapi", HealthEndpoint.Path];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isSetupPage = path.Equals(SetupPath, StringComparison.OrdinalIgnoreCase);
        if (!isSetupPage && IsAsset(path))
        {
            await next(context);
            return;
        }

        // Resolved here, not injected into InvokeAsync: it brings a DbContext and a UserManager, which the API's
        // hot path would otherwise build and throw away on every request.
        var setup = context.RequestServices.GetRequiredService<OwnerSetup>();
        var done = await setup.IsDoneAsync(context.RequestAborted);
        if (done && isSetupPage)
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        else if (!done && !isSetupPage)
            context.Response.Redirect(SetupPath);
        else
            await next(context);
    }

    private static bool IsAsset(PathString path) =>
        AssetPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
        || Path.HasExtension(path.Value);
}
