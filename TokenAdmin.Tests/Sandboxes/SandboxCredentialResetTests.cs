using Microsoft.EntityFrameworkCore;
using TokenAdmin.Sandboxes;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Sandboxes;

// The tests of this class move the shared app's clock forward; they never rely on an absolute time.
public sealed class SandboxCredentialResetTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(12);
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    private TestApp App => fixture.App;

    private SandboxCredentialService Credentials => App.Get<SandboxCredentialService>();

    [Fact]
    public async Task OldPasswordIsRefusedFromTheEndOfTheGraceWindowWhenCredentialsAreReset()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var (old, oldPassword) = await App.CurrentCredentialsAsync(owner, sandbox.Id);
        var resetAt = App.Clock.GetUtcNow();
        var graceEnd = resetAt + Grace;

        var reset = (await Credentials.ResetAsync(owner, sandbox.Id)).Value!;

        var verified = new List<(bool Old, bool New)>();
        foreach (var instant in new[] { graceEnd - Millisecond, graceEnd, graceEnd + Millisecond })
        {
            App.Clock.SetUtcNow(instant);
            verified.Add((await Credentials.VerifyAsync(old.Username, oldPassword),
                await Credentials.VerifyAsync(reset.Credential.Username, reset.Password)));
        }
        var stored = (await App.StoredCredentialsAsync(sandbox.Id))[0];
        Assert.Equal([(true, true), (false, true), (false, true)], verified);
        Assert.Equal((graceEnd, resetAt), (stored.ExpiresAt, stored.ResetAt));
        Assert.Equal(
            ["sandbox.credentials_created", "sandbox.credentials_copied", "sandbox.credentials_reset"],
            await App.SandboxEventsAsync(sandbox.Id));
    }

    [Fact]
    public async Task OldCredentialsEndAtTheirOwnExpiryWhenItComesBeforeTheGraceWindowEnds()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var (old, oldPassword) = await App.CurrentCredentialsAsync(owner, sandbox.Id);
        var ownExpiry = App.Clock.GetUtcNow() + TimeSpan.FromHours(1);
        await App.SetExpiryAsync(old.Id, ownExpiry);

        await Credentials.ResetAsync(owner, sandbox.Id);

        App.Clock.SetUtcNow(ownExpiry - Millisecond);
        var beforeOwnExpiry = await Credentials.VerifyAsync(old.Username, oldPassword);
        App.Clock.SetUtcNow(ownExpiry);
        var atOwnExpiry = await Credentials.VerifyAsync(old.Username, oldPassword);
        Assert.Equal((true, false), (beforeOwnExpiry, atOwnExpiry));
        Assert.Equal(ownExpiry, (await App.StoredCredentialsAsync(sandbox.Id))[0].ExpiresAt);
    }

    [Fact]
    public async Task ReplacedCredentialsAreListedUntilTheirGraceEndsWhenTheSandboxIsViewed()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var old = (await App.CurrentCredentialsAsync(owner, sandbox.Id)).Current;
        var graceEnd = App.Clock.GetUtcNow() + Grace;

        var reset = (await Credentials.ResetAsync(owner, sandbox.Id)).Value!;

        var during = (await Credentials.GetCurrentAsync(owner, sandbox.Id)).Value!;
        App.Clock.SetUtcNow(graceEnd);
        var after = (await Credentials.GetCurrentAsync(owner, sandbox.Id)).Value!;
        Assert.Equal(reset.Credential.Id, during.Current!.Id);
        Assert.Equal([new CredentialsInGrace(old.Id, old.Username, old.Last4, graceEnd)], during.InGrace);
        Assert.Equal(reset.Credential.Id, after.Current!.Id);
        Assert.Empty(after.InGrace);
    }

    [Fact]
    public async Task ResetIsRefusedAndChangesNothingWhenTheSeenCredentialsWereAlreadyReset()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var old = (await App.CurrentCredentialsAsync(owner, sandbox.Id)).Current;
        await Credentials.ResetAsync(owner, sandbox.Id, old.Id);
        var before = await App.StoredCredentialsAsync(sandbox.Id);

        var again = await Credentials.ResetAsync(owner, sandbox.Id, old.Id);

        var after = await App.StoredCredentialsAsync(sandbox.Id);
        Assert.Equal(SandboxRefusals.AlreadyReset, again.Error);
        Assert.Equal(
            before.Select(c => (c.Id, c.ExpiresAt, c.ResetAt)),
            after.Select(c => (c.Id, c.ExpiresAt, c.ResetAt)));
    }

    [Fact]
    public async Task ExactlyOneResetAppliesWhenTwoResetsOfTheSameCredentialsRunConcurrently()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);

        for (var round = 1; round <= 10; round++)
        {
            var seen = (await App.CurrentCredentialsAsync(owner, sandbox.Id)).Current;

            var outcomes = await Task.WhenAll(
                Task.Run(() => Credentials.ResetAsync(owner, sandbox.Id, seen.Id)),
                Task.Run(() => Credentials.ResetAsync(owner, sandbox.Id, seen.Id)));

            var stored = await App.StoredCredentialsAsync(sandbox.Id);
            var winner = outcomes.Single(outcome => outcome.Succeeded).Value!.Credential;
            Assert.Equal([null, SandboxRefusals.AlreadyReset], outcomes.Select(o => o.Error).Order());
            Assert.Equal(round + 1, stored.Count);
            Assert.Equal([winner.Id], stored.Where(c => c.ResetAt == null).Select(c => c.Id));
        }
    }

    [Fact]
    public async Task OneCurrentPairRemainsWhenResetsThatNameNoCredentialsRunConcurrently()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);

        for (var round = 1; round <= 10; round++)
        {
            var outcomes = await Task.WhenAll(
                Task.Run(() => Credentials.ResetAsync(owner, sandbox.Id)),
                Task.Run(() => Credentials.ResetAsync(owner, sandbox.Id)));

            var stored = await App.StoredCredentialsAsync(sandbox.Id);
            Assert.All(outcomes, outcome => Assert.Null(outcome.Error));
            Assert.Equal(2 * round + 1, stored.Count);
            Assert.Single(stored, c => c.ResetAt == null);
        }
    }

    [Fact]
    public async Task NothingChangesWhenTheResetsAuditEntryCannotBeWritten()
    {
        await using var app = new TestApp();
        var owner = await app.OwnerAsync();
        var sandbox = await app.NewSandboxAsync(owner);
        var before = await app.StoredCredentialsAsync(sandbox.Id);
        await app.RefuseAuditEntriesAsync();

        var thrown = await Record.ExceptionAsync(
            () => app.Get<SandboxCredentialService>().ResetAsync(owner, sandbox.Id));

        var after = await app.StoredCredentialsAsync(sandbox.Id);
        Assert.IsType<DbUpdateException>(thrown);
        Assert.Equal(
            before.Select(c => (c.Id, c.ExpiresAt, c.ResetAt)),
            after.Select(c => (c.Id, c.ExpiresAt, c.ResetAt)));
    }
}
