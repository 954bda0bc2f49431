using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Projects;
using TokenAdmin.Sandboxes;
using TokenAdmin.SendingDomains;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Audit;

/// <summary>
/// An app of its own whose whole audit log comes from one scripted run of changes through the real services,
/// each at a known instant over four days, so tests can expect exact entries in exact order.
/// </summary>
public sealed class AuditScript : IAsyncLifetime
{
    public const string SourceAddress = "203.0.113.7";
    public const string DomainName = "mail.example.com";

    public static readonly DateTimeOffset DayOne = new(2031, 5, 12, 0, 0, 0, TimeSpan.Zero);

    public TestApp App { get; } = new(start: DayOne);

    public Actor Owner { get; private set; } = null!;

    /// <summary>A second person, Admin on the account, who copies the token once.</summary>
    public Actor Colleague { get; private set; } = null!;

    public ApiToken Deploy { get; private set; } = null!;

    public ApiToken Successor { get; private set; } = null!;

    public SendingDomain Domain { get; private set; } = null!;

    public ApiToken DomainToken { get; private set; } = null!;

    public Sandbox Sandbox { get; private set; } = null!;

    public string OldPasswordLast4 { get; private set; } = "";

    public string NewPasswordLast4 { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Owner = await App.OwnerAsync() with { SourceAddress = SourceAddress };
        Colleague = await App.PersonAsync(Grants.Of(ResourceRef.Account(Owner.AccountId), AccessLevel.Admin));

        await ChangeTheTokenAsync();
        await AddAndDeleteTheDomainAsync();
        await ResetTheSandboxCredentialsAsync();
    }

    public static DateTimeOffset Day(int number) => DayOne.AddDays(number - 1);

    private async Task ChangeTheTokenAsync()
    {
        var tokens = App.Get<TokenService>();
        Deploy = (await App.NewTokenAsync(Owner, "CI deploy", Arrange.AccountGrant(Owner, AccessLevel.Viewer))).Token;
        App.Clock.SetUtcNow(Day(1).AddHours(10));
        Must(await tokens.UpdateGrantsAsync(Owner, Deploy.Id, null, [Arrange.AccountGrant(Owner, AccessLevel.Admin)]));
        App.Clock.SetUtcNow(Day(2).AddTicks(-1));
        Must(await tokens.RevealAsync(Colleague, Deploy.Id));

        App.Clock.SetUtcNow(Day(2));
        var reset = new TokenReset(Deploy.Id, TimeSpan.FromHours(12));
        Successor = Must(await App.Get<TokenResetService>().ResetAsync(Owner, reset)).Token;
        App.Clock.SetUtcNow(Day(2).AddHours(8));
        Must(await tokens.DeleteAsync(Owner, Successor.Id));
    }

    private async Task AddAndDeleteTheDomainAsync()
    {
        var domains = App.Get<SendingDomainService>();
        App.Clock.SetUtcNow(Day(3).AddHours(9));
        Domain = Must(await domains.AddAsync(Owner, DomainName));
        await using (var db = App.CreateDbContext())
            DomainToken = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Name.StartsWith(DomainName));

        App.Clock.SetUtcNow(Day(3).AddHours(9).AddMinutes(30));
        Must(await domains.DeleteAsync(Owner, Domain.Id));
    }

    private async Task ResetTheSandboxCredentialsAsync()
    {
        var projects = App.Get<ProjectService>();
        App.Clock.SetUtcNow(Day(4).AddHours(9));
        var project = Must(await projects.CreateProjectAsync(Owner, "Staging"));
        Sandbox = Must(await projects.CreateSandboxAsync(Owner, project.Id, "Inbox"));
        var credentials = App.Get<SandboxCredentialService>();
        OldPasswordLast4 = Must(await credentials.GetCurrentAsync(Owner, Sandbox.Id)).Current!.Last4;

        App.Clock.SetUtcNow(Day(4).AddHours(9).AddMinutes(5));
        NewPasswordLast4 = Must(await credentials.ResetAsync(Owner, Sandbox.Id)).Credential.Last4;
    }

    private static T Must<T>(Outcome<T> outcome) => outcome.Value ?? throw new InvalidOperationException(outcome.Error);

    private static void Must(Outcome outcome)
    {
        if (!outcome.Succeeded)
            throw new InvalidOperationException(outcome.Error);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
