using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.Projects;
using TokenAdmin.Sandboxes;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Sandboxes;

[Collection(ConsoleCollection.Name)]
public sealed class SandboxPageTests(ConsoleFixture fixture)
{
    private const string Created = "sandbox.credentials_created";
    private const string Copied = "sandbox.credentials_copied";
    private const string Reset = "sandbox.credentials_reset";
    private const string ViewerPassword = "Viewer-pass-1";

    private TestApp App => fixture.App;

    private SandboxCredentialService Credentials => fixture.Service<SandboxCredentialService>();

    [Fact]
    public async Task UsernameHostAndPortsAreShownWhenTheSandboxIsOpenedFromItsProject()
    {
        var (sandbox, current, password) = await NewSandboxAsync();
        var page = await fixture.SignedInPageAsync();
        await page.GoToAsync($"/projects/{sandbox.ProjectId}");

        await page.GetByRole(AriaRole.Link, new() { Name = sandbox.Name }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{App.BaseUrl}/sandboxes/{sandbox.Id}");
        await Assertions.Expect(page.ShownUsername()).ToHaveTextAsync(current.Username);
        await Assertions.Expect(page.ShownPassword()).ToHaveTextAsync($"…{password[^4..]}");
        var table = page.GetByTestId("smtp-credentials");
        await Assertions.Expect(table).ToContainTextAsync("sandbox.smtp.example.com");
        await Assertions.Expect(table).ToContainTextAsync("25, 465, 587, 2525");
        Assert.DoesNotContain(password, await page.ContentAsync());
    }

    [Fact]
    public async Task ClipboardHoldsExactlyThePasswordWhenCopyPasswordIsClicked()
    {
        var (sandbox, _, password) = await NewSandboxAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenSandboxAsync(sandbox.Id);

        await page.CopyPasswordButton().ClickAsync();

        await Assertions.Expect(page.GetByText("Password copied to the clipboard.")).ToBeVisibleAsync();
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(password, clipboard);
        Assert.Equal(
            [Created, Copied, Copied],
            await App.SandboxEventsAsync(sandbox.Id));
    }

    [Fact]
    public async Task NewPasswordIsShownOnceAndOldOneStillWorksWhenYesResetIsClicked()
    {
        var (sandbox, old, oldPassword) = await NewSandboxAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenSandboxAsync(sandbox.Id);
        await page.OpenResetDialogAsync();
        var explained = await page.Locator(".mud-dialog").InnerTextAsync();

        await page.YesResetButton().ClickAsync();
        var newPassword = await page.TakeShownSecretAsync();

        var owner = await fixture.OwnerAsync();
        var current = (await Credentials.GetCurrentAsync(owner, sandbox.Id)).Value!.Current!;
        Assert.Contains($"\"{sandbox.Name}\"", explained);
        Assert.Contains("grace window of 12 hours", explained);
        await Assertions.Expect(page.ShownUsername()).ToHaveTextAsync(current.Username);
        await Assertions.Expect(page.ShownPassword()).ToHaveTextAsync($"…{newPassword[^4..]}");
        await Assertions.Expect(page.GetByTestId("grace-notice")).ToContainTextAsync(
            $"The previous credentials (username {old.Username}, password …{old.Last4}) "
                + "keep working until");
        Assert.DoesNotContain(newPassword, await page.ContentAsync());
        Assert.True(await Credentials.VerifyAsync(old.Username, oldPassword));
        Assert.True(await Credentials.VerifyAsync(current.Username, newPassword));
    }

    [Fact]
    public async Task NothingChangesWhenTheResetDialogIsClosedWithoutConfirming()
    {
        var (sandbox, _, _) = await NewSandboxAsync();
        var before = await App.StoredCredentialsAsync(sandbox.Id);
        var page = await fixture.SignedInPageAsync();
        await page.OpenSandboxAsync(sandbox.Id);

        foreach (var close in SandboxPageActions.DialogClosers)
        {
            await page.OpenResetDialogAsync();
            await close(page);
            await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        }

        var after = await App.StoredCredentialsAsync(sandbox.Id);
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("grace-notice")).ToHaveCountAsync(0);
        Assert.Equal(
            before.Select(c => (c.Id, c.ExpiresAt, c.ResetAt)),
            after.Select(c => (c.Id, c.ExpiresAt, c.ResetAt)));
        Assert.Equal(
            [Created, Copied],
            await App.SandboxEventsAsync(sandbox.Id));
    }

    [Fact]
    public async Task ExactlyOneNewCredentialIsIssuedWhenYesResetIsDoubleClicked()
    {
        var (sandbox, _, _) = await NewSandboxAsync();
        var page = await fixture.SignedInPageAsync();
        await page.OpenSandboxAsync(sandbox.Id);
        await page.OpenResetDialogAsync();

        await page.YesResetButton().DblClickAsync();
        var newPassword = await page.TakeShownSecretAsync();

        var stored = await App.StoredCredentialsAsync(sandbox.Id);
        Assert.Equal(2, stored.Count);
        Assert.Equal(newPassword[^4..], stored.Single(c => c.ResetAt == null).Last4);
        Assert.Equal(
            [Created, Copied, Reset],
            await App.SandboxEventsAsync(sandbox.Id));
    }

    [Fact]
    public async Task ViewerSeesTheUsernameButCannotCopyThePasswordOrReset()
    {
        var (sandbox, current, _) = await NewSandboxAsync();
        var email = $"{Unique.Name("viewer")}@example.test";
        var viewer = Grants.Of(ResourceRef.Sandbox(sandbox.Id), AccessLevel.Viewer);
        await App.AddPersonAsync(email, ViewerPassword, viewer);

        var page = await fixture.SignedInPageAsync(email, ViewerPassword);
        await page.OpenSandboxAsync(sandbox.Id);

        await Assertions.Expect(page.ShownUsername()).ToHaveTextAsync(current.Username);
        await Assertions.Expect(page.GetByTestId("reset-credentials")).ToBeDisabledAsync();
        await Assertions.Expect(page.CopyPasswordButton()).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("disabled-reason"))
            .ToContainTextAsync("need Admin access");
    }

    [Fact]
    public async Task PasswordIsOfferedInASelectableFieldWhenTheBrowserHasNoClipboard()
    {
        const string lanHost = "tokenadmin.lan";
        var (sandbox, _, password) = await NewSandboxAsync();
        // The LAN name resolves to 127.0.0.1 inside this browser only: no traffic leaves the machine.
        await using var browser =
            await Browser.LaunchAsync($"--host-resolver-rules=MAP {lanHost} 127.0.0.1");
        var lanUrl = $"http://{lanHost}:{new Uri(App.BaseUrl).Port}";
        var page = await browser.Chromium.NewPageAsync(new() { BaseURL = lanUrl });
        await page.SignInAsync(lanUrl, TestApp.OwnerEmail, TestApp.OwnerPassword);
        await page.OpenSandboxAsync(sandbox.Id);

        await page.CopyPasswordButton().ClickAsync();

        await Assertions.Expect(page.GetByTestId("secret-value")).ToHaveValueAsync(password);
        await Assertions.Expect(page.GetByTestId("copy-result"))
            .ToContainTextAsync("did not allow copying");
        await Assertions.Expect(page.GetByText("copied to the clipboard")).ToHaveCountAsync(0);
    }

    /// <summary>A sandbox of the owner's with its first credentials, read through the service.</summary>
    private async Task<(Sandbox Sandbox, CurrentCredentials Current, string Password)>
        NewSandboxAsync()
    {
        var owner = await fixture.OwnerAsync();
        var sandbox = await App.NewSandboxAsync(owner);
        var (current, password) = await App.CurrentCredentialsAsync(owner, sandbox.Id);
        return (sandbox, current, password);
    }
}
