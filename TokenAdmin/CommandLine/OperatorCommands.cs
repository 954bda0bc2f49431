using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using TokenAdmin.Data;
using TokenAdmin.People;

namespace TokenAdmin.CommandLine;

/// <summary>
/// The operator's commands (<c>tokens create</c>, <c>tokens list</c>, <c>accounts list</c>): the app's services on
/// its configured database, without the web server or the jobs.
/// </summary>
public static class OperatorCommands
{
    private static readonly string[] Groups = ["tokens", "accounts"];

    public static bool IsCommand(string[] args) =>
        CommandArguments.Split(args).Words.FirstOrDefault() is { } word
        && Groups.Contains(word, StringComparer.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddOperatorCommands(this WebApplicationBuilder builder, string[] args)
    {
        if (!IsCommand(args))
            return builder;

        // Configuration pairs a flag such as --never-expires with the argument after it, which may be a setting;
        // the settings alone, added again last, keep every one of them.
        builder.Configuration.AddCommandLine([.. CommandArguments.Split(args).Settings]);
        // Standard output carries only what the command prints, such as the secret.
        builder.Services.Configure<ConsoleLoggerOptions>(console =>
            console.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // Disposing the app at the end flushes the log lines still queued for standard error.
        await using var _ = app;
        var arguments = CommandArguments.Split(args);
        var parsed = CommandParser.Parse(arguments);
        if (!parsed.Succeeded)
            return RefuseUsage(parsed.Error!, withUsage: !CommandParser.Knows(arguments));

        var context = new CommandContext(app.Services, Console.Out, Console.Error);
        if (parsed.Value is HelpCommand help)
            return await help.RunAsync(context);
        try
        {
            await PrepareAsync(app.Services);
            return await parsed.Value!.RunAsync(context);
        }
        catch (DatabaseSetupException unusable)
        {
            return context.Refuse(unusable.Message);
        }
        catch (Exception exception)
        {
            app.Logger.LogError(exception, "The command failed");
            return context.Refuse(exception.Message);
        }
    }

    // What the web app does at start-up, so a command works on a fresh install and can bootstrap the owner.
    private static async Task PrepareAsync(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
        await services.PrepareDatabaseAsync();
        await services.BootstrapOwnerAsync();
    }

    /// <summary>Settings the app cannot start with, for the console and the commands alike: one line.</summary>
    public static int RefuseSettings(string problem)
    {
        Console.Error.WriteLine($"error: {problem}");
        return ExitCodes.Refused;
    }

    private static int RefuseUsage(string error, bool withUsage)
    {
        Console.Error.WriteLine($"error: {error}");
        if (withUsage)
            Console.Error.WriteLine(Usage.Text);
        return ExitCodes.Usage;
    }
}
