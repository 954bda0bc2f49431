using Microsoft.Playwright;

namespace TokenAdmin.Bench;

/// <summary>The API Tokens page as the browser sees it, and the in-page timers the bench reads.</summary>
public static class TokensPage
{
    public const string Path = "/settings/api-tokens";
    public const int PageSize = 25;

    /// <summary>The filter fields' debounce (TokenFilters.razor), subtracted from keypress-to-rows times.</summary>
    public const double FilterDebounceMs = 300;

    private const string RowNames = "[data-testid=tokens] tbody tr [data-testid=row-name]";

    // Installed before the page's own scripts: notes when the first full page of rows reaches the DOM.
    private const string FirstRowsTimer = """
        new MutationObserver((_, observer) => {
            if (document.querySelectorAll('ROWS').length >= SIZE) {
                window.__firstRowsAt = performance.now();
                observer.disconnect();
            }
        }).observe(document, { childList: true, subtree: true });
        """;

    // Resolves with the time from the filter's input event to the table showing only the wanted row.
    private const string FilterTimer = """
        target => {
            const input = document.querySelector('[data-testid=filter-name]');
            const table = document.querySelector('[data-testid=tokens]');
            window.__filtered = new Promise(resolve => {
                let typedAt = null;
                input.addEventListener('input', () => typedAt = performance.now(), { once: true, capture: true });
                new MutationObserver((_, observer) => {
                    const names = [...document.querySelectorAll('ROWS')].map(cell => cell.textContent.trim());
                    if (typedAt !== null && names.length === 1 && names[0] === target) {
                        observer.disconnect();
                        resolve(performance.now() - typedAt);
                    }
                }).observe(table, { childList: true, subtree: true, characterData: true });
            });
        }
        """;

    public static Task TimeFirstRowsAsync(IBrowserContext context) =>
        context.AddInitScriptAsync(FirstRowsTimer.Replace("ROWS", RowNames).Replace("SIZE", $"{PageSize}"));

    /// <summary>Opens the page and waits for its circuit and its first page of rows.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(Path);
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await page.Locator(RowNames).Nth(PageSize - 1).WaitForAsync();
        return page;
    }

    public static Task<double> FirstRowsAtAsync(IPage page) => page.EvaluateAsync<double>("() => window.__firstRowsAt");

    /// <summary>Types a whole token name into the Name filter: milliseconds from input to the matching row.</summary>
    public static async Task<double> FilterByNameAsync(IPage page, string name)
    {
        await page.EvaluateAsync(FilterTimer.Replace("ROWS", RowNames), name);
        await page.GetByTestId("filter-name").FillAsync(name);
        return await page.EvaluateAsync<double>("() => window.__filtered");
    }

    public static async Task ClearFilterAsync(IPage page)
    {
        await page.GetByTestId("filter-name").FillAsync("");
        await page.Locator(RowNames).Nth(PageSize - 1).WaitForAsync();
    }
}
