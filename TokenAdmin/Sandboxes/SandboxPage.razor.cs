using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using TokenAdmin.Accounts;
using TokenAdmin.Components.Shared;
using TokenAdmin.People;
using TokenAdmin.Tokens;

namespace TokenAdmin.Sandboxes;

public sealed partial class SandboxPage
{
    private const string NeedsAdmin =
        "Copying the password and resetting the credentials need Admin access on this sandbox.";

    private Actor? actor;
    private EffectiveAccess? access;
    private ResourceNode? sandbox;
    private SandboxCredentialsView? view;
    private string? adminReason;
    private List<BreadcrumbItem> breadcrumbs = [];

    [Inject] private CurrentPerson CurrentPerson { get; set; } = null!;
    [Inject] private AccessReader AccessReader { get; set; } = null!;
    [Inject] private SandboxCredentialService Credentials { get; set; } = null!;
    [Inject] private IDialogService DialogService { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private Clipboard Clipboard { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IOptions<SandboxOptions> Options { get; set; } = null!;
    [Inject] private IOptions<TokenOptions> TokenOptions { get; set; } = null!;

    [Parameter]
    public int SandboxId { get; set; }

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        actor = await CurrentPerson.GetAsync();
        access = actor is null ? null : await AccessReader.GetAsync(actor);
        var node = access?.Tree.Find(ResourceRef.Sandbox(SandboxId));
        sandbox = node is not null && access!.CanSee(node.Ref) ? node : null;
        view = sandbox is null ? null : (await Credentials.GetCurrentAsync(actor!, SandboxId)).Value;
        var isAdmin = sandbox is not null && access!.Has(AccessLevel.Admin, sandbox.Ref);
        adminReason = isAdmin ? null : NeedsAdmin;

        var project = sandbox?.Parent is { } parent ? access!.Tree.Find(parent) : null;
        breadcrumbs =
        [
            new("Projects", "projects"),
            new(project?.Name ?? "Project", project is null ? null : $"projects/{project.Ref.Id}"),
            new(sandbox?.Name ?? "Sandbox", null, disabled: true),
        ];
    }

    private async Task CopyUsernameAsync()
    {
        var username = view!.Current!.Username;
        if (await Clipboard.TryCopyAsync(username))
            Snackbar.Add("Username copied to the clipboard.", Severity.Success);
        else
            await ShowValueAsync("Copy username", "Username", username, "", copied: false);
    }

    private async Task CopyPasswordAsync()
    {
        var current = view!.Current!;
        var password = await Credentials.RevealPasswordAsync(actor!, current.Id);
        if (!password.Succeeded)
        {
            Snackbar.Add(password.Error!, Severity.Warning);
            await ReloadAsync();
            return;
        }

        if (await Clipboard.TryCopyAsync(password.Value!))
            Snackbar.Add("Password copied to the clipboard.", Severity.Success);
        else
            await ShowValueAsync("Copy password", "Password", password.Value!,
                $"SMTP password of the sandbox \"{sandbox!.Name}\" (…{current.Last4}).",
                copied: false);
    }

    private async Task ResetAsync()
    {
        var (name, current) = (sandbox!.Name, view!.Current);
        var message = SandboxResetText.Confirmation(
            name, current, TokenOptions.Value.GraceWindow, Clock.GetUtcNow());
        Outcome<IssuedSandboxCredential>? reset = null;
        await DialogService.ConfirmAsync("Reset Credentials", message, "Yes, Reset", async () =>
            reset = current is null
                ? await Credentials.ResetAsync(actor!, SandboxId)
                : await Credentials.ResetAsync(actor!, SandboxId, current.Id));
        if (reset is null)
            return;

        await ReloadAsync();
        StateHasChanged();
        if (reset.Value is { } issued)
            await ShowValueAsync("New SMTP credentials", "Password", issued.Password,
                $"New credentials for the sandbox \"{name}\": username "
                    + $"{issued.Credential.Username}. The password is shown here once; "
                    + "Copy password on the page copies it later.",
                copied: null);
    }

    private async Task ShowValueAsync(
        string title, string label, string value, string message, bool? copied)
    {
        var parameters = new DialogParameters<SecretDialog>
        {
            { d => d.Secret, value },
            { d => d.Label, label },
            { d => d.Message, message },
            { d => d.InitialCopyResult, copied },
        };
        var dialog =
            await DialogService.ShowAsync<SecretDialog>(title, parameters, DialogSizes.Medium);
        await dialog.Result;
    }
}
