using MudBlazor;

namespace TokenAdmin.Components.Shared;

/// <summary>Dialog options shared by the console: closable by Escape, the close button and the backdrop.</summary>
public static class DialogSizes
{
    public static readonly DialogOptions Small = Create(MaxWidth.Small);

    public static readonly DialogOptions Medium = Create(MaxWidth.Medium);

    public static readonly DialogOptions Large = Create(MaxWidth.Large);

    private static DialogOptions Create(MaxWidth width) => new()
    {
        MaxWidth = width,
        FullWidth = true,
        CloseButton = true,
        CloseOnEscapeKey = true,
        BackdropClick = true,
    };
}
