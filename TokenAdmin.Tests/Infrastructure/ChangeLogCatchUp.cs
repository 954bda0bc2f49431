using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TokenAdmin.Data.PostgreSql;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Infrastructure;

public static class ChangeLogCatchUp
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On PostgreSQL, waits until the app's change listener has applied every change in the log, the app's own
    /// included, so that none of them empties the verification cache while a test looks into it. On SQLite there
    /// is no log and nothing to wait for.
    /// </summary>
    public static async Task ChangeLogAppliedAsync(this TestApp app)
    {
        if (app.PostgreSqlConnectionString is null)
            return;
        var listener = app.Services.GetServices<IHostedService>().OfType<TokenChangeListener>().Single();
        await using var db = (PostgreSqlDbContext)app.CreateDbContext();
        var newest = await db.TokenChanges.MaxAsync(change => (long?)change.Id) ?? 0;
        var waited = Stopwatch.StartNew();
        while (listener.LastSeen < newest)
        {
            Assert.True(waited.Elapsed < Deadline, $"change {newest} not applied within {Deadline}");
            await Task.Delay(20);
        }
    }
}
