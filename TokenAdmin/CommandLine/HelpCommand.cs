namespace TokenAdmin.CommandLine;

public sealed record HelpCommand : IOperatorCommand
{
    public Task<int> RunAsync(CommandContext context)
    {
        context.Out.WriteLine(Usage.Text);
        return Task.FromResult(ExitCodes.Done);
    }
}
