using TokenAdmin.Tokens;

namespace TokenAdmin.Bench;

/// <summary>
/// The API Tokens page over 10,000 tokens. Its first page is served in two steps: the prerendered HTML (an HTTP
/// GET) and, once the circuit is up, the first page of rows (the page's query, then a render batch). Both are
/// timed on the server side; the browser's navigation-to-rows time is reported beside them as an upper bound.
/// </summary>
public static class PageFigures
{
    private const int Runs = 30;
    private const int FilterRuns = 15;

    public static async Task MeasureAsync(BenchApp app, BenchBrowser browser, int tokenCount)
    {
        using var client = await browser.SignedInClientAsync(app.BaseUrl);
        await FetchPageAsync(client);
        Figures.Report("page_prerender", await Figures.TimeAsync(Runs, _ => FetchPageAsync(client)),
            "authenticated GET of the prerendered page on loopback, to its last byte");

        var owner = await app.OwnerAsync();
        var queries = app.Get<TokenQueries>();
        Figures.Report("page_first_rows_query", await Figures.TimeAsync(Runs, _ => queries.ListAsync(owner, new())),
            "TokenQueries.ListAsync as the page's first load calls it (newest first, 25 rows)");
        var filterQueries = await Figures.TimeAsync(Runs, i => queries.ListAsync(owner, new() { Name = NameOf(i) }));
        Figures.Report("filter_query", filterQueries, "TokenQueries.ListAsync with a Name filter");

        await TokensPage.TimeFirstRowsAsync(browser.Context);
        var navigations = await Figures.TimeAsync(5, async _ =>
        {
            var opened = await TokensPage.OpenAsync(browser.Context);
            await opened.CloseAsync();
        });
        Figures.Report("page_browser_navigation_to_rows", navigations,
            "browser, from navigation start to 25 rows in the DOM: includes scripts, styles and the circuit start");

        var page = await TokensPage.OpenAsync(browser.Context);
        var filters = new List<double>();
        for (var i = 0; i < FilterRuns; i++)
        {
            var elapsed = await TokensPage.FilterByNameAsync(page, NameOf(i * 613 % tokenCount));
            filters.Add(elapsed - TokensPage.FilterDebounceMs);
            await TokensPage.ClearFilterAsync(page);
        }
        Figures.Report("filter_browser", new Sample(filters), "browser, input event to the one matching row "
            + $"in the DOM, minus the {TokensPage.FilterDebounceMs} ms debounce");
        await page.CloseAsync();
    }

    private static async Task FetchPageAsync(HttpClient client)
    {
        using var response = await client.GetAsync(TokensPage.Path);
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !html.Contains("API Tokens", StringComparison.Ordinal))
            throw new InvalidOperationException($"The page answered {(int)response.StatusCode}, not the token list.");
    }

    private static string NameOf(int index) => $"{Seeding.ListPrefix}{index:D5}";
}
