using TokenAdmin.Accounts;

namespace TokenAdmin.CommandLine;

public sealed record ListAccountsCommand : IOperatorCommand
{
    public async Task<int> RunAsync(CommandContext context)
    {
        foreach (var account in await context.Get<AccountNames>().ListAsync())
            context.Out.WriteLine(TableText.Row(account.Id.ToString(), account.Name));
        return ExitCodes.Done;
    }
}
