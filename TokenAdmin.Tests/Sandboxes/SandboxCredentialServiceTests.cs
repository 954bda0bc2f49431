using System.Security.Cryptography;
using System.Text;
using TokenAdmin.Accounts;
using TokenAdmin.Projects;
using TokenAdmin.Sandboxes;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Sandboxes;

public sealed class SandboxCredentialServiceTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private TestApp App => fixture.App;

    private SandboxCredentialService Credentials => App.Get<SandboxCredentialService>();

    [Fact]
    public async Task FirstCredentialsWorkWhenASandboxIsCreated()
    {
        var owner = await App.OwnerAsync();

        var sandbox = await App.NewSandboxAsync(owner);

        var view = (await Credentials.GetCurrentAsync(owner, sandbox.Id)).Value!;
        var (current, password) = await App.CurrentCredentialsAsync(owner, sandbox.Id);
        Assert.Matches("^[0-9a-f]{14}$", current.Username);
        Assert.Matches("^[0-9A-Za-z]{43}$", password);
        Assert.Equal(password[^4..], current.Last4);
        Assert.Null(current.ExpiresAt);
        Assert.Empty(view.InGrace);
        Assert.True(await Credentials.VerifyAsync(current.Username, password));
        Assert.Equal(
            ["sandbox.credentials_created", "sandbox.credentials_copied"],
            await App.SandboxEventsAsync(sandbox.Id));
    }

    [Fact]
    public async Task NoColumnHoldsAPasswordWhenCredentialsAreIssuedResetAndCopied()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var (first, firstPassword) = await App.CurrentCredentialsAsync(owner, sandbox.Id);

        var reset = (await Credentials.ResetAsync(owner, sandbox.Id)).Value!;
        var copied = await Credentials.RevealPasswordAsync(owner, reset.Credential.Id);

        var stored = await App.StoredCredentialsAsync(sandbox.Id);
        Assert.Equal(reset.Password, copied.Value);
        Assert.Equal([], App.ColumnsContaining(firstPassword));
        Assert.Equal([], App.ColumnsContaining(reset.Password));
        Assert.Equal(["SandboxCredentials.Username"], App.ColumnsContaining(first.Username));
        Assert.Equal(
            [Sha256(firstPassword), Sha256(reset.Password)],
            stored.Select(c => c.PasswordHash));
    }

    [Fact]
    public async Task ViewerSeesButCannotCopyOrResetWhenGrantedViewerOnTheSandbox()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var viewer = await App.PersonAsync(SampleTree.Viewer(ResourceRef.Sandbox(sandbox.Id)));
        var current = (await App.CurrentCredentialsAsync(owner, sandbox.Id)).Current;

        var seen = await Credentials.GetCurrentAsync(viewer, sandbox.Id);
        var copy = await Credentials.RevealPasswordAsync(viewer, current.Id);
        var reset = await Credentials.ResetAsync(viewer, sandbox.Id);

        Assert.Equal(current, seen.Value!.Current);
        Assert.Equal((Refusals.NotAllowed, Refusals.NotAllowed), (copy.Error, reset.Error));
        Assert.Single(await App.StoredCredentialsAsync(sandbox.Id));
        Assert.Equal(
            ["sandbox.credentials_created", "sandbox.credentials_copied"],
            await App.SandboxEventsAsync(sandbox.Id));
    }

    [Fact]
    public async Task ProjectAdminCopiesAndResetsWhenAdminIsInheritedFromTheProject()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var admin = await App.PersonAsync(SampleTree.Admin(ResourceRef.Project(sandbox.ProjectId)));
        var current = (await App.CurrentCredentialsAsync(owner, sandbox.Id)).Current;

        var copy = await Credentials.RevealPasswordAsync(admin, current.Id);
        var reset = await Credentials.ResetAsync(admin, sandbox.Id);

        Assert.Equal(((string?)null, (string?)null), (copy.Error, reset.Error));
        Assert.Equal(2, (await App.StoredCredentialsAsync(sandbox.Id)).Count);
    }

    [Fact]
    public async Task EverythingIsRefusedWhenTheActorHasNoAccessToTheSandbox()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var (elsewhere, _) = await App.NewProjectAsync(owner);
        var outsider = await App.PersonAsync(SampleTree.Admin(elsewhere));
        var current = (await App.CurrentCredentialsAsync(owner, sandbox.Id)).Current;

        Outcome[] outcomes =
        [
            await Credentials.GetCurrentAsync(outsider, sandbox.Id),
            await Credentials.RevealPasswordAsync(outsider, current.Id),
            await Credentials.ResetAsync(outsider, sandbox.Id),
        ];

        Assert.Equal(Enumerable.Repeat(Refusals.NotAllowed, 3), outcomes.Select(o => o.Error));
        Assert.Single(await App.StoredCredentialsAsync(sandbox.Id));
    }

    [Fact]
    public async Task VerifyIsFalseWhenTheUsernameOrThePasswordIsWrong()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var (current, password) = await App.CurrentCredentialsAsync(owner, sandbox.Id);
        var other = await App.CurrentCredentialsAsync(owner, (await App.NewSandboxAsync(owner)).Id);

        bool[] verified =
        [
            await Credentials.VerifyAsync(current.Username, password[..^1]),
            await Credentials.VerifyAsync(current.Username, other.Password),
            await Credentials.VerifyAsync(other.Current.Username, password),
            await Credentials.VerifyAsync("00000000000000", password),
            await Credentials.VerifyAsync(current.Username, ""),
        ];

        Assert.Equal(Enumerable.Repeat(false, verified.Length), verified);
    }

    [Fact]
    public async Task CopyIsRefusedWhenTheCredentialsHaveExpired()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var current = (await App.CurrentCredentialsAsync(owner, sandbox.Id)).Current;
        await App.SetExpiryAsync(current.Id, App.Clock.GetUtcNow());

        var copy = await Credentials.RevealPasswordAsync(owner, current.Id);

        Assert.Equal(SandboxRefusals.Expired, copy.Error);
        Assert.Null(copy.Value);
    }

    [Fact]
    public async Task CredentialsAreGoneWhenTheirSandboxIsDeleted()
    {
        var owner = await App.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var (current, password) = await App.CurrentCredentialsAsync(owner, sandbox.Id);

        var deleted = await App.Get<ProjectService>().DeleteSandboxAsync(owner, sandbox.Id);

        Assert.Null(deleted.Error);
        Assert.Empty(await App.StoredCredentialsAsync(sandbox.Id));
        Assert.False(await Credentials.VerifyAsync(current.Username, password));
    }

    private static byte[] Sha256(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
