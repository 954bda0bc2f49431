using TokenAdmin.CommandLine;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.CommandLine;

/// <summary>A new install set up by an operator without a browser: bootstrap settings, then a first token.</summary>
public sealed class FreshInstallCommandTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tokenadmin-cli-").FullName;

    private readonly Dictionary<string, string> _bootstrap = new()
    {
        ["TokenAdmin__Bootstrap__OwnerEmail"] = "operator@example.test",
        ["TokenAdmin__Bootstrap__OwnerPassword"] = "Operator-pass-1",
        ["TokenAdmin__Bootstrap__AccountName"] = "Example Mail",
    };

    [Fact]
    public async Task FirstTokenIsCreatedWhenTheOwnerIsBootstrappedFromSettings()
    {
        var before = await AppProcess.RunAsync(_dataDirectory, ["accounts", "list"]);
        var accounts = await AppProcess.RunAsync(_dataDirectory, ["accounts", "list"], _bootstrap);
        var accountId = accounts.Out.Split('\t')[0];

        var created = await AppProcess.RunAsync(_dataDirectory,
            ["tokens", "create", "--account", accountId, "--name", "First token", "--grant",
                $"account:{accountId}:admin", "--never-expires"]);

        Assert.True(before is { ExitCode: ExitCodes.Done, Out: "" }, before.ToString());
        Assert.True(accounts.ExitCode == ExitCodes.Done, accounts.ToString());
        Assert.Equal($"{accountId}\tExample Mail\n", accounts.Out);
        Assert.True(created.ExitCode == ExitCodes.Done, created.ToString());
        Assert.True(TokenSecret.IsWellFormed(created.Out.TrimEnd('\n')), created.ToString());
    }

    [Fact]
    public async Task AMistypedDatabaseProviderIsOneErrorLineWhenACommandRuns()
    {
        var result = await AppProcess.RunAsync(
            _dataDirectory, ["accounts", "list", "--TokenAdmin:Database:Provider=Postgres"]);

        Assert.True(result.ExitCode == ExitCodes.Refused, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Equal(
            "error: TokenAdmin:Database:Provider is 'Postgres'; it must be Sqlite or PostgreSql.\n", result.Error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless; failing the run over it is not.
        }
    }
}
