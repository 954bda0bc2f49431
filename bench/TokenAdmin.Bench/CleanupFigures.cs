using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Jobs;

namespace TokenAdmin.Bench;

/// <summary>The cleanup job's work on 100,000 expired tokens: wall time and the SQL statements it takes.</summary>
public static class CleanupFigures
{
    public const int ExpiredCount = 100_000;

    public static async Task MeasureAsync(BenchApp app)
    {
        var now = DateTimeOffset.UtcNow;
        var seeding = Stopwatch.StartNew();
        await Seeding.AddExpiredTokensAsync(app, ExpiredCount, now);
        Figures.Note($"seeded {ExpiredCount} expired tokens by SQL in {seeding.ElapsedMilliseconds} ms");

        using var counter = new CommandCounter();
        var started = Stopwatch.GetTimestamp();
        await counter.CountAsync(async () =>
        {
            await app.Get<Lifecycle>().DeleteExpiredAsync(now);
            return 0;
        });
        var elapsed = Stopwatch.GetElapsedTime(started);

        await using var db = app.CreateDbContext();
        var left = await db.ApiTokens.CountAsync(t => t.Last4 == "xprd");
        Figures.Report("cleanup_100k_seconds", elapsed.TotalSeconds, "s", $"expired tokens left: {left}");
        Figures.Report("cleanup_100k_statements", counter.Commands.Count, "statements");
        foreach (var command in counter.Commands)
            Figures.Note($"cleanup SQL: {Shorten(command)}");
    }

    private static string Shorten(string sql) => sql.Length <= 120 ? sql : sql[..120] + " …";
}
