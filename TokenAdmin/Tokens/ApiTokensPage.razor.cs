using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using TokenAdmin.Accounts;
using TokenAdmin.Components.Shared;
using TokenAdmin.People;

namespace TokenAdmin.Tokens;

public sealed partial class ApiTokensPage : IDisposable
{
    private MudTable<TokenRow>? table;
    private TokenFilters? filterBar;
    private ITimer? statusTimer;
    private DateTimeOffset now;
    private bool adding;
    private Actor? actor;
    private EffectiveAccess? access;
    private string? addReason;
    private TokenListQuery filters = new();

    [Inject] private CurrentPerson CurrentPerson { get; set; } = null!;
    [Inject] private AccessReader AccessReader { get; set; } = null!;
    [Inject] private TokenQueries Queries { get; set; } = null!;
    [Inject] private TokenService Tokens { get; set; } = null!;
    [Inject] private TokenResetService Resets { get; set; } = null!;
    [Inject] private IDialogService DialogService { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private Clipboard Clipboard { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IOptions<TokenOptions> Options { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        now = Clock.GetUtcNow();
        var refresh = Options.Value.ListRefreshInterval;
        statusTimer = Clock.CreateTimer(_ => InvokeAsync(RefreshStatus), null, refresh, refresh);
        actor = await CurrentPerson.GetAsync();
        if (actor is null)
            return;

        access = await AccessReader.GetAsync(actor);
        var canGrantSomewhere = access.Tree.Nodes.Any(node => access.CanGrant(node.Ref, AccessLevel.Viewer));
        addReason = canGrantSomewhere ? null : "Adding tokens needs Admin access on at least one resource.";
    }

    public void Dispose() => statusTimer?.Dispose();

    private void RefreshStatus()
    {
        now = Clock.GetUtcNow();
        StateHasChanged();
    }

    private async Task<TableData<TokenRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        now = Clock.GetUtcNow();
        if (actor is null)
            return new TableData<TokenRow> { Items = [], TotalItems = 0 };

        var sort = Enum.TryParse<TokenSort>(state.SortLabel, out var label) ? label : TokenSort.Created;
        var query = filters with
        {
            Sort = sort,
            Descending = state.SortDirection != SortDirection.Ascending,
            Skip = state.Page * state.PageSize,
            Take = state.PageSize,
        };
        var page = await Queries.ListAsync(actor, query, ct);
        return new TableData<TokenRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task FilterAsync(TokenListQuery changed)
    {
        filters = changed;
        table!.NavigateTo(0);
        await table.ReloadServerData();
    }

    private async Task AddAsync()
    {
        if (adding)
            return;

        adding = true;
        try
        {
            await AddTokenAsync();
        }
        finally
        {
            adding = false;
        }
    }

    private async Task AddTokenAsync()
    {
        var parameters = new DialogParameters<TokenFormDialog>
        {
            { d => d.Actor, actor! },
            { d => d.Selection, new GrantSelection(access!) },
            { d => d.DefaultLifetimeDays, Options.Value.DefaultLifetimeDays },
        };
        var dialog = await DialogService.ShowAsync<TokenFormDialog>("Add Token", parameters, DialogSizes.Medium);
        if (await dialog.Result is not { Canceled: false, Data: IssuedToken issued })
            return;

        await table!.ReloadServerData();
        await ShowSecretAsync(issued.Secret, $"Token \"{issued.Token.Name}\" is ready. "
            + "Copy it now and keep it somewhere safe.", copied: null);
    }

    private async Task EditAsync(TokenRow row)
    {
        access = await AccessReader.GetAsync(actor!);
        var token = await Queries.GetForEditAsync(actor!, row.Id);
        if (token is null)
        {
            Snackbar.Add(TokenRefusals.NotFound, Severity.Warning);
            await table!.ReloadServerData();
            return;
        }

        var parameters = new DialogParameters<TokenFormDialog>
        {
            { d => d.Actor, actor! },
            { d => d.Selection, new GrantSelection(access, token.Grants) },
            { d => d.Editing, token },
        };
        var dialog = await DialogService.ShowAsync<TokenFormDialog>(
            $"Edit permissions of \"{token.Name}\"", parameters, DialogSizes.Medium);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"Permissions of \"{token.Name}\" saved.", Severity.Success);
            await table!.ReloadServerData();
        }
    }

    private async Task CopyAsync(TokenRow row)
    {
        var secret = await Tokens.RevealAsync(actor!, row.Id);
        if (!secret.Succeeded)
        {
            Snackbar.Add(secret.Error!, Severity.Warning);
            return;
        }

        if (await Clipboard.TryCopyAsync(secret.Value!))
            Snackbar.Add($"Token \"{row.Name}\" copied to the clipboard.", Severity.Success);
        else
            await ShowSecretAsync(secret.Value!, $"Token \"{row.Name}\" (…{row.Last4}).", copied: false);
    }

    private async Task ResetAsync(TokenRow row)
    {
        var parameters = new DialogParameters<ResetTokenDialog>
        {
            { d => d.Actor, actor! },
            { d => d.Token, row },
            { d => d.DefaultGrace, Options.Value.GraceWindow },
        };
        var dialog = await DialogService.ShowAsync<ResetTokenDialog>("Reset API Token", parameters, DialogSizes.Small);
        if (await dialog.Result is not { Canceled: false, Data: IssuedToken successor })
            return;

        await table!.ReloadServerData();
        await ShowSecretAsync(successor.Secret, $"\"{row.Name}\" was reset. Its successor \"{successor.Token.Name}\" "
            + "is ready: copy it now and keep it somewhere safe.", copied: null);
    }

    private Task ShowSuccessorAsync(string successorName) => filterBar!.ShowNameAsync(successorName);

    private async Task DeleteAsync(TokenRow row)
    {
        var deleted = await DialogService.ConfirmAsync(
            "Delete token",
            $"Delete the token \"{row.Name}\" (…{row.Last4}, created by {row.CreatedBy} on "
                + $"{Times.Format(row.CreatedAt)})? Requests using it are refused at once. This cannot be undone.",
            "Delete token",
            () => Tokens.DeleteAsync(actor!, row.Id));
        if (deleted)
        {
            Snackbar.Add($"Token \"{row.Name}\" deleted.", Severity.Success);
            await table!.ReloadServerData();
        }
    }

    private async Task ShowSecretAsync(string secret, string message, bool? copied)
    {
        var parameters = new DialogParameters<SecretDialog>
        {
            { d => d.Secret, secret },
            { d => d.Message, message },
            { d => d.InitialCopyResult, copied },
        };
        var dialog = await DialogService.ShowAsync<SecretDialog>("API token", parameters, DialogSizes.Medium);
        await dialog.Result;
    }
}
