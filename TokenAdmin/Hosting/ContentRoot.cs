namespace TokenAdmin.Hosting;

public static class ContentRoot
{
    /// <summary>
    /// Start-up options whose content root is the published app's own folder when it has one (with its
    /// <c>wwwroot</c>), so a node started from any folder still serves its scripts and styles. An unpublished build
    /// keeps the folder it runs in: <c>dotnet run</c> and the tests find the static files through the build's
    /// static web assets manifest instead.
    /// </summary>
    public static WebApplicationOptions OfPublishedApp(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"))
            ? AppContext.BaseDirectory
            : null,
    };
}
