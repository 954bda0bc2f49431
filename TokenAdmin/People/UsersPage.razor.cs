using Microsoft.AspNetCore.Components;
using MudBlazor;
using TokenAdmin.Accounts;
using TokenAdmin.Components.Shared;
using TokenAdmin.Tokens;

namespace TokenAdmin.People;

public sealed partial class UsersPage
{
    private List<PersonRow>? people;
    private Actor? actor;
    private EffectiveAccess? access;
    private string? inviteReason;

    [Inject] private CurrentPerson CurrentPerson { get; set; } = null!;
    [Inject] private AccessReader AccessReader { get; set; } = null!;
    [Inject] private PeopleQueries Queries { get; set; } = null!;
    [Inject] private PeopleService People { get; set; } = null!;
    [Inject] private IDialogService DialogService { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync()
    {
        actor = await CurrentPerson.GetAsync();
        if (actor is null)
        {
            people = [];
            return;
        }

        access = await AccessReader.GetAsync(actor);
        var canGrantSomewhere = access.Tree.Nodes.Any(node => access.CanGrant(node.Ref, AccessLevel.Viewer));
        inviteReason = canGrantSomewhere ? null : "Adding people needs Admin access on at least one resource.";
        people = await Queries.ListAsync(actor);
    }

    private string Status(PersonRow person) => person.InvitedUntil switch
    {
        null => "Active",
        { } until when until > Queries.Now => $"Invited (link works until {Times.Format(until)})",
        _ => "Invited (link expired)",
    };

    private static string? ManageReason(PersonRow person) => person.CanManage
        ? null
        : person.IsOwner
            ? "Only owners can change owners."
            : "Your access does not cover all of this person's access.";

    private async Task InviteAsync()
    {
        var parameters = Parameters(new GrantSelection(access!), editing: null);
        var dialog = await DialogService.ShowAsync<PersonDialog>("Add person", parameters, DialogSizes.Medium);
        if (await dialog.Result is not { Canceled: false, Data: IssuedInvitation invitation })
            return;

        await ReloadAsync();
        StateHasChanged();
        await ShowLinkAsync(invitation, "The invitation is ready. Send this one-time link to the person; it works "
            + "for 7 days and lets them set their password.");
    }

    private async Task RenewAsync(PersonRow person)
    {
        var renewed = await People.RenewInvitationAsync(actor!, person.AccessId);
        if (!renewed.Succeeded)
        {
            Snackbar.Add(renewed.Error!, Severity.Warning);
            return;
        }

        await ReloadAsync();
        StateHasChanged();
        await ShowLinkAsync(renewed.Value!, $"A new invitation link for {person.Name}; earlier links no longer work.");
    }

    private async Task ChangeAsync(PersonRow person)
    {
        access = await AccessReader.GetAsync(actor!);
        var grants = person.Grants.Where(grant => grant.Level != AccessLevel.Owner);
        var parameters = Parameters(new GrantSelection(access, grants), person);
        var dialog = await DialogService.ShowAsync<PersonDialog>(
            $"Change access of {person.Name}", parameters, DialogSizes.Medium);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"Access of {person.Name} saved.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task RemoveAsync(PersonRow person)
    {
        var removed = await DialogService.ConfirmAsync(
            "Remove person",
            $"Remove {person.Name} ({person.Email}) from this console? They lose all access at once.",
            "Remove",
            () => People.RemoveAsync(actor!, person.AccessId));
        if (removed)
        {
            Snackbar.Add($"{person.Name} removed.", Severity.Success);
            await ReloadAsync();
        }
    }

    private DialogParameters<PersonDialog> Parameters(GrantSelection selection, PersonRow? editing) => new()
    {
        { d => d.Actor, actor! },
        { d => d.Selection, selection },
        { d => d.Editing, editing },
        { d => d.CanGrantOwner, access!.CanGrant(access.Tree.Root.Ref, AccessLevel.Owner) },
    };

    private async Task ShowLinkAsync(IssuedInvitation invitation, string message)
    {
        var parameters = new DialogParameters<SecretDialog>
        {
            { d => d.Secret, invitation.Link(Navigation.BaseUri) },
            { d => d.Message, message },
            { d => d.Label, "Invitation link" },
        };
        var dialog = await DialogService.ShowAsync<SecretDialog>("Invitation link", parameters, DialogSizes.Medium);
        await dialog.Result;
    }
}
