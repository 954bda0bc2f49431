namespace TokenAdmin.CommandLine;

/// <summary>What a command works with: the app's services, and standard output and error.</summary>
public sealed class CommandContext(IServiceProvider services, TextWriter output, TextWriter errors)
{
    public TextWriter Out => output;

    public TextWriter Error => errors;

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public int Refuse(string message)
    {
        errors.WriteLine($"error: {message}");
        return ExitCodes.Refused;
    }
}
