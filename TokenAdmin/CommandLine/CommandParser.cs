using TokenAdmin.Accounts;

namespace TokenAdmin.CommandLine;

/// <summary>Turns the sorted arguments into one command; a failure is a usage error.</summary>
public static class CommandParser
{
    public const string CreateTokens = "tokens create";
    public const string ListTokens = "tokens list";
    public const string ListAccounts = "accounts list";

    private static readonly string[] Commands = [CreateTokens, ListTokens, ListAccounts];

    public static bool Knows(CommandArguments arguments) => Commands.Contains(CommandOf(arguments));

    public static Outcome<IOperatorCommand> Parse(CommandArguments arguments)
    {
        if (arguments.ValuesOf(OptionNames.Help).Any())
            return Outcome<IOperatorCommand>.Success(new HelpCommand());
        if (arguments.Problems.Count > 0)
            return Outcome<IOperatorCommand>.Fail(arguments.Problems[0]);

        var command = CommandOf(arguments);
        return command switch
        {
            CreateTokens => CreateTokenParser.Parse(new OptionReader(command, arguments)),
            ListTokens => ParseListTokens(new OptionReader(command, arguments)),
            ListAccounts => ParseListAccounts(new OptionReader(command, arguments)),
            "tokens" => Outcome<IOperatorCommand>.Fail("tokens needs a command: create or list"),
            "accounts" => Outcome<IOperatorCommand>.Fail("accounts needs a command: list"),
            _ => Outcome<IOperatorCommand>.Fail($"unknown command '{command}'"),
        };
    }

    private static Outcome<IOperatorCommand> ParseListTokens(OptionReader options)
    {
        var accountId = options.AccountId();
        return options.Error(OptionNames.Account) is { } error
            ? Outcome<IOperatorCommand>.Fail(error)
            : Outcome<IOperatorCommand>.Success(new ListTokensCommand(accountId));
    }

    private static Outcome<IOperatorCommand> ParseListAccounts(OptionReader options) =>
        options.Error() is { } error
            ? Outcome<IOperatorCommand>.Fail(error)
            : Outcome<IOperatorCommand>.Success(new ListAccountsCommand());

    private static string CommandOf(CommandArguments arguments) =>
        string.Join(' ', arguments.Words).ToLowerInvariant();
}
