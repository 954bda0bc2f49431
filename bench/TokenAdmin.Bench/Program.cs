using System.Diagnostics;

namespace TokenAdmin.Bench;

/// <summary>
/// In-process figures for bench/run.sh; every figure is one <c>METRIC name value unit note</c> line on standard
/// output. <c>page</c> or <c>cleanup</c> as the argument runs only that part. (Not top-level statements: those
/// would declare a second <c>Program</c> beside the app's.)
/// </summary>
public static class BenchRun
{
    private const int ListTokens = 10_000;

    public static async Task Main(string[] args)
    {
        var part = args.FirstOrDefault() ?? "all";
        await using var app = new BenchApp();
        if (part is "all" or "page")
            await MeasurePageAsync(app);
        if (part is "all" or "cleanup")
            await CleanupFigures.MeasureAsync(app);
    }

    private static async Task MeasurePageAsync(BenchApp app)
    {
        var seeding = Stopwatch.StartNew();
        await Seeding.AddListTokensAsync(app, ListTokens);
        Figures.Note($"seeded {ListTokens} live tokens in {seeding.ElapsedMilliseconds} ms");

        await using var browser = await BenchBrowser.SignInAsync(app);
        await PageFigures.MeasureAsync(app, browser, ListTokens);
        await CircuitFigures.MeasureAsync(browser);
    }
}
