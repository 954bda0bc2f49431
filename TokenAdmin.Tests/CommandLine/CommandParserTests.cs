using TokenAdmin.Accounts;
using TokenAdmin.CommandLine;

namespace TokenAdmin.Tests.CommandLine;

public sealed class CommandParserTests
{
    [Fact]
    public void EveryOptionIsReadWhenATokenIsCreated()
    {
        var parsed = Parse("tokens", "create", "--account", "3", "--name", "CI deploy", "--grant", "project:7:admin",
            "--grant", "domain:4:viewer", "--expires-at", "2027-01-31T18:00:00Z");

        var command = Assert.IsType<CreateTokenCommand>(parsed.Value);
        Assert.Equal((3, "CI deploy"), (command.AccountId, command.Name));
        Assert.Equal(
            [new GrantRequest(ResourceRef.Project(7), AccessLevel.Admin),
                new GrantRequest(ResourceRef.SendingDomain(4), AccessLevel.Viewer)],
            command.Grants);
        Assert.Equal(new RequestedExpiry(new DateTimeOffset(2027, 1, 31, 18, 0, 0, TimeSpan.Zero), false),
            command.Expiry);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true, "--never-expires")]
    public void ExpiryIsTheDefaultOrNeverWhenNoInstantIsGiven(bool never, params string[] extra)
    {
        string[] args = ["tokens", "create", "--account", "1", "--name", "n", "--grant", "account:1:admin"];

        var parsed = Parse([.. args, .. extra]);

        var command = Assert.IsType<CreateTokenCommand>(parsed.Value);
        Assert.Equal(new RequestedExpiry(null, never), command.Expiry);
    }

    [Fact]
    public void AccountIsReadWhenTokensAreListed()
    {
        var parsed = Parse("tokens", "list", "--account", "12");

        Assert.Equal(new ListTokensCommand(12), parsed.Value);
    }

    [Theory]
    [InlineData("tokens", "--help")]
    [InlineData("tokens", "create", "--help")]
    [InlineData("accounts", "list", "--help", "--bogus")]
    public void HelpIsShownWhenAskedForWhateverElseIsGiven(params string[] args)
    {
        var parsed = Parse(args);

        Assert.IsType<HelpCommand>(parsed.Value);
    }

    [Theory]
    [InlineData("tokens create needs --account", "tokens", "create", "--name", "n", "--grant", "account:1:admin")]
    [InlineData("tokens create needs --name", "tokens", "create", "--account", "1", "--grant", "account:1:admin")]
    [InlineData("needs at least one --grant", "tokens", "create", "--account", "1", "--name", "n")]
    [InlineData("'0' is not an account id", "tokens", "list", "--account", "0")]
    [InlineData("'x' is not an account id", "tokens", "list", "--account", "x")]
    [InlineData("--account is given more than once", "tokens", "list", "--account", "1", "--account", "2")]
    [InlineData("--name needs a value", "tokens", "create", "--name", "--account", "1")]
    [InlineData("--account needs a value", "tokens", "list", "--account")]
    [InlineData("--never-expires takes no value", "tokens", "create", "--never-expires=yes")]
    [InlineData("not both", "tokens", "create", "--account", "1", "--name", "n", "--grant", "account:1:admin",
        "--never-expires", "--expires-at", "2027-01-31")]
    [InlineData("--expires-at 'soon' is not", "tokens", "create", "--account", "1", "--name", "n", "--grant",
        "account:1:admin", "--expires-at", "soon")]
    [InlineData("tokens list takes no --grant", "tokens", "list", "--account", "1", "--grant", "account:1:admin")]
    [InlineData("accounts list takes no --account", "accounts", "list", "--account", "1")]
    [InlineData("unknown option '--acount'", "tokens", "list", "--acount", "1")]
    [InlineData("unexpected argument 'extra'", "tokens", "list", "--account", "1", "extra")]
    [InlineData("unknown command 'tokens remove'", "tokens", "remove")]
    [InlineData("tokens needs a command", "tokens")]
    public void UsageErrorSaysWhatIsWrongWhenTheArgumentsFormNoCommand(string error, params string[] args)
    {
        var parsed = Parse(args);

        Assert.False(parsed.Succeeded);
        Assert.Contains(error, parsed.Error);
    }

    [Theory]
    [InlineData(true, "tokens", "list")]
    [InlineData(false, "tokens", "remove")]
    [InlineData(false, "accounts")]
    public void UsageIsPrintedWithTheErrorOnlyWhenTheCommandIsUnknown(bool knows, params string[] args)
    {
        var known = CommandParser.Knows(CommandArguments.Split(args));

        Assert.Equal(knows, known);
    }

    private static Outcome<IOperatorCommand> Parse(params string[] args) =>
        CommandParser.Parse(CommandArguments.Split(args));
}
