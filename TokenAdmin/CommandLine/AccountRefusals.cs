namespace TokenAdmin.CommandLine;

public static class AccountRefusals
{
    public static string NotFound(int accountId) =>
        $"there is no account {accountId}; {CommandParser.ListAccounts} shows the accounts";
}
