using Microsoft.Playwright;

namespace TokenAdmin.Bench;

/// <summary>
/// What one more open API Tokens page holds on the server: the managed heap after a full collection with a few
/// pages open, then with ten more, divided by ten. One-time costs (code, caches, the first circuit) fall out.
/// </summary>
public static class CircuitFigures
{
    private const int WarmPages = 2;
    private const int MeasuredPages = 10;

    public static async Task MeasureAsync(BenchBrowser browser)
    {
        var pages = new List<IPage>();
        for (var i = 0; i < WarmPages; i++)
            pages.Add(await TokensPage.OpenAsync(browser.Context));
        var before = HeapAfterFullCollection();

        for (var i = 0; i < MeasuredPages; i++)
            pages.Add(await TokensPage.OpenAsync(browser.Context));
        var after = HeapAfterFullCollection();

        var perCircuit = (after - before) / (double)MeasuredPages / (1024 * 1024);
        Figures.Report("circuit_memory_mb", perCircuit, "MB",
            $"heap {before / 1048576.0:0.0} MB with {WarmPages} pages, {after / 1048576.0:0.0} MB with "
            + $"{WarmPages + MeasuredPages}; each page shows 25 rows");
        foreach (var page in pages)
            await page.CloseAsync();
    }

    private static long HeapAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
