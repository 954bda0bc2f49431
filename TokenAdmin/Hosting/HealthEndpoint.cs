namespace TokenAdmin.Hosting;

/// <summary>
/// <c>GET /healthz</c>: a liveness answer for load balancers and monitors. Anonymous, outside the API, and it
/// touches no database, so it says the process serves requests, not that the data is reachable.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    private static readonly HealthStatus Ok = new("ok");

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet(Path, () => Results.Json(Ok))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public sealed record HealthStatus(string Status);
}
