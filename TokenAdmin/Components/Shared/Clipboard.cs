using Microsoft.JSInterop;

namespace TokenAdmin.Components.Shared;

/// <summary>Writes to the browser's clipboard and says honestly whether it worked.</summary>
public sealed class Clipboard(IJSRuntime js)
{
    public async Task<bool> TryCopyAsync(string text)
    {
        try
        {
            return await js.InvokeAsync<bool>("tokenAdmin.copyText", text);
        }
        catch (JSException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
