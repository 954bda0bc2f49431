using TokenAdmin.Accounts;

namespace TokenAdmin.CommandLine;

/// <summary>
/// Who acts from the command line: whoever may run the app on its database already holds everything in it,
/// so the operator acts as an owner of the account, recorded as a system actor.
/// </summary>
public static class OperatorActor
{
    public const string DisplayName = "Operator (command line)";

    public static Actor For(int accountId) => new(accountId, DisplayName, UserId: null,
    [
        new Grant { ResourceType = ResourceType.Account, ResourceId = accountId, Level = AccessLevel.Owner },
    ]);
}
