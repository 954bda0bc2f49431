namespace TokenAdmin.Hosting;

public static class RepositorySettings
{
    /// <summary>
    /// Adds the repository's <c>appsettings.json</c>, which the build copies beside the binaries, so the app
    /// finds it from whatever folder it starts in. Environment variables and arguments still override it.
    /// </summary>
    public static ConfigurationManager AddRepositorySettings(this ConfigurationManager configuration, string[] args)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        return configuration;
    }
}
