using MudBlazor;
using TokenAdmin.Accounts;

namespace TokenAdmin.Components.Shared;

/// <summary>Opens the console's shared dialogs; each returns true when its action was carried out.</summary>
public static class Dialogs
{
    public static async Task<bool> AskNameAsync(
        this IDialogService dialogs,
        string title,
        string submitText,
        string initialName,
        Func<string, Task<Outcome>> save)
    {
        var parameters = new DialogParameters<NameDialog>
        {
            { d => d.SubmitText, submitText },
            { d => d.InitialName, initialName },
            { d => d.Save, save },
        };
        var dialog = await dialogs.ShowAsync<NameDialog>(title, parameters, DialogSizes.Small);
        return await dialog.Result is { Canceled: false };
    }

    public static async Task<bool> ConfirmAsync(
        this IDialogService dialogs, string title, string message, string confirmText, Func<Task<Outcome>> action)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.ConfirmColor, Color.Error },
            { d => d.Action, action },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, DialogSizes.Small);
        return await dialog.Result is { Canceled: false };
    }
}
