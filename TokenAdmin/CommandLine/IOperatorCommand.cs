namespace TokenAdmin.CommandLine;

public interface IOperatorCommand
{
    /// <returns>The process exit code; see <see cref="ExitCodes"/>.</returns>
    Task<int> RunAsync(CommandContext context);
}
