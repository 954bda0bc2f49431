using Microsoft.Extensions.Configuration;
using TokenAdmin.CommandLine;

namespace TokenAdmin.Tests.CommandLine;

public sealed class CommandArgumentsTests
{
    [Theory]
    [InlineData(true, "tokens", "list")]
    [InlineData(true, "Accounts", "list")]
    [InlineData(true, "--TokenAdmin:DataDirectory=/srv/data", "tokens", "create")]
    [InlineData(true, "--TokenAdmin:DataDirectory", "/srv/data", "accounts", "list")]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://127.0.0.1:5081")]
    [InlineData(false, "--TokenAdmin:Jobs:Enabled=false")]
    [InlineData(false, "serve")]
    public void OnlyTheTokensAndAccountsWordsStartACommandWhenTheAppStarts(bool isCommand, params string[] args)
    {
        var answer = OperatorCommands.IsCommand(args);

        Assert.Equal(isCommand, answer);
    }

    [Fact]
    public void SettingsBeforeAndAmongTheOptionsGoToConfigurationWhenACommandIsGiven()
    {
        string[] args =
        [
            "--environment", "Production", "tokens", "create", "--name", "CI", "--TokenAdmin:Jobs:Enabled", "false",
            "--grant", "account:1:admin", "--Logging:LogLevel:Default=Warning",
        ];

        var split = CommandArguments.Split(args);

        Assert.Equal(["tokens", "create"], split.Words);
        Assert.Equal([("name", "CI"), ("grant", "account:1:admin")], split.Options);
        Assert.Equal(
            ["--environment", "Production", "--TokenAdmin:Jobs:Enabled", "false", "--Logging:LogLevel:Default=Warning"],
            split.Settings);
        Assert.Empty(split.Problems);
    }

    [Fact]
    public void SettingAfterAFlagIsKeptWhenConfigurationWouldTakeItAsTheFlagsValue()
    {
        string[] args = ["tokens", "create", "--never-expires", "--TokenAdmin:DataDirectory=/srv/data"];

        var split = CommandArguments.Split(args);

        Assert.Null(new ConfigurationBuilder().AddCommandLine(args).Build()["TokenAdmin:DataDirectory"]);
        var settings = new ConfigurationBuilder().AddCommandLine([.. split.Settings]).Build();
        Assert.Equal("/srv/data", settings["TokenAdmin:DataDirectory"]);
        Assert.Equal([("never-expires", (string?)null)], split.Options);
    }

    [Fact]
    public void OwnOptionsTakeTheirValueAfterAnEqualsSignWhenGivenThatWay()
    {
        var split = CommandArguments.Split(["tokens", "create", "--name=--odd name", "--account=3"]);

        Assert.Equal([("name", "--odd name"), ("account", "3")], split.Options);
        Assert.Empty(split.Settings);
    }
}
