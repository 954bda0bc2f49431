using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.CommandLine;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.CommandLine;

/// <summary>
/// The commands as an operator runs them: the built app in a child process over the test app's database. Each
/// run costs a start-up, so parsing details are tested in-process in <see cref="CommandParserTests"/>.
/// </summary>
public sealed class OperatorCommandTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task OnlyASecretWithTheRequestedGrantsIsPrintedWhenATokenIsCreated()
    {
        var owner = await App.OwnerAsync();
        var project = await App.NewProjectAsync(owner);
        var domain = await App.NewDomainAsync(owner);
        var name = Unique.Name("deploy");

        var result = await RunAsync("tokens", "create", "--account", $"{owner.AccountId}", "--name", name,
            "--grant", $"project:{project.Ref.Id}:admin", "--grant", $"Domain:{domain.Ref.Id}:10");

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        var secret = Assert.Single(result.OutLines);
        Assert.Equal(secret + "\n", result.Out);
        Assert.True(TokenSecret.IsWellFormed(secret), result.ToString());
        var verified = await App.Get<TokenVerifier>().VerifyAsync(secret);
        Assert.NotNull(verified);
        await using var db = App.CreateDbContext();
        var token = await db.ApiTokens.Include(t => t.Access.Grants).SingleAsync(t => t.Id == verified.Id);
        Assert.Equal(name, token.Name);
        Assert.Equal(
            [(ResourceType.Project, project.Ref.Id, AccessLevel.Admin),
                (ResourceType.SendingDomain, domain.Ref.Id, AccessLevel.Viewer)],
            token.Access.Grants.AsTriples());
        Assert.Equal((OperatorActor.DisplayName, null, null),
            (token.CreatedByName, token.CreatedByUserId, token.CreatedByTokenId));
        // The default lifetime counts from the moment the command asks, a moment before the token is stamped.
        Assert.InRange(token.CreatedAt.AddDays(365) - token.ExpiresAt!.Value, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        var created = await db.AuditEntries.SingleAsync(e => e.Event == AuditEvents.TokenCreated
            && e.SubjectId == token.Id.ToString());
        Assert.Equal(("system", OperatorActor.DisplayName), (created.ActorType, created.ActorName));
        Assert.Equal(secret, (await App.Get<TokenService>().RevealAsync(owner, token.Id)).Value);
    }

    [Fact]
    public async Task NameAndLast4ButNoSecretArePrintedWhenTokensAreListed()
    {
        var owner = await App.OwnerAsync();
        var viewer = Arrange.AccountGrant(owner, AccessLevel.Viewer);
        var issued = await App.NewTokenAsync(owner, Unique.Name("listed"), viewer);

        var result = await RunAsync("tokens", "list", "--account", $"{owner.AccountId}");

        Assert.True(result.ExitCode == ExitCodes.Done, result.ToString());
        var line = Assert.Single(result.OutLines, line => line.StartsWith($"{issued.Token.Id}\t"));
        Assert.Equal(
            [$"{issued.Token.Id}", issued.Token.Name, issued.Token.Last4, TestApp.OwnerEmail,
                TableText.Instant(issued.Token.CreatedAt), "never", "Active", "Account Viewer"],
            line.Split('\t'));
        Assert.DoesNotContain(issued.Secret, result.Out);
        Assert.DoesNotMatch("tadm_[0-9A-Za-z]", result.Out);
    }

    private const string Account = "{account}";

    public static TheoryData<string, int, string[]> Refusals => new()
    {
        {
            "there is no account 999999", ExitCodes.Refused,
            ["--account", "999999", "--name", "unknown account", "--grant", "account:999999:admin"]
        },
        {
            "is not <resource type>", ExitCodes.Usage,
            ["--account", Account, "--name", "bad grant", "--grant", "account-1-admin"]
        },
        {
            "there is no project 999999", ExitCodes.Refused,
            ["--account", Account, "--name", "unknown project", "--grant", "project:999999:admin"]
        },
        {
            "Enter a name", ExitCodes.Refused,
            ["--account", Account, "--name", "", "--grant", $"account:{Account}:admin"]
        },
        {
            "needs at least one --grant", ExitCodes.Usage,
            ["--account", Account, "--name", "no grant"]
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task NothingIsCreatedAndStandardOutputStaysEmptyWhenCreationIsRefused(
        string message, int exitCode, string[] options)
    {
        var owner = await App.OwnerAsync();
        var tokensBefore = await CountTokensAsync();
        var args = options.Select(option => option.Replace(Account, $"{owner.AccountId}"));

        var result = await RunAsync(["tokens", "create", .. args]);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains(message, result.Error);
        Assert.Equal(tokensBefore, await CountTokensAsync());
    }

    private Task<ProcessResult> RunAsync(params string[] args) => AppProcess.RunAsync(App.DataDirectory, args);

    private async Task<int> CountTokensAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.ApiTokens.CountAsync();
    }
}
