using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Jobs;

/// <summary>
/// The jobs through the real Quartz scheduler over a real SQLite file, and handed case C07: deadlines survive a
/// restart because they are stored instants.
/// </summary>
public sealed class SchedulerTests : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(12);
    private static readonly Dictionary<string, string?> JobsEverySecond = new()
    {
        ["TokenAdmin:Jobs:Enabled"] = "true",
        ["TokenAdmin:Jobs:ExpiryInterval"] = "00:00:01",
        ["TokenAdmin:Jobs:CleanupInterval"] = "00:00:01",
        ["TokenAdmin:Jobs:PersistentStore"] = "true",
    };

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tokenadmin-restart-").FullName;
    private readonly DateTimeOffset _t = DateTimeOffset.UtcNow;

    [Fact]
    public async Task OldSecretsFollowTheirStoredDeadlinesWhenTheAppIsRestarted()
    {
        string a0, b0;
        int betaId;
        await using (var first = new TestApp(dataDirectory: _dataDirectory, start: _t))
        {
            a0 = (await ResetNewTokenAsync(first, "alpha")).OldSecret;
            (b0, betaId) = await ResetNewTokenAsync(first, "beta");
            first.Clock.SetUtcNow(_t.AddHours(1));
        }

        await using (var second = new TestApp(dataDirectory: _dataDirectory, start: _t.AddHours(7)))
        {
            Assert.NotNull(await second.Get<TokenVerifier>().VerifyAsync(a0));
            second.Clock.SetUtcNow(_t + Grace - TimeSpan.FromMilliseconds(1));
            Assert.NotNull(await second.Get<TokenVerifier>().VerifyAsync(a0));
            second.Clock.SetUtcNow(_t + Grace);
            Assert.Null(await second.Get<TokenVerifier>().VerifyAsync(a0));
        }

        await using var third = new TestApp(
            dataDirectory: _dataDirectory, start: _t.AddHours(40), settings: JobsEverySecond);
        Assert.Null(await third.Get<TokenVerifier>().VerifyAsync(b0));
        Assert.True(await WaitUntilGoneAsync(third, betaId, TimeSpan.FromSeconds(15)));
        // On PostgreSQL the scheduler's state is in the shared database, never in a file.
        var schedulerFile = Path.Combine(_dataDirectory, "scheduler.db");
        Assert.Equal(third.PostgreSqlConnectionString is null, File.Exists(schedulerFile));
    }

    private static async Task<(string OldSecret, int OldId)> ResetNewTokenAsync(TestApp app, string name)
    {
        var owner = await app.OwnerAsync();
        var grant = new GrantRequest(ResourceRef.Account(owner.AccountId), AccessLevel.Viewer);
        var created = (await app.Get<TokenService>().CreateAsync(owner, new TokenDraft(name, null, [grant]))).Value!;
        var reset = await app.Get<TokenResetService>().ResetAsync(owner, new TokenReset(created.Token.Id, Grace));
        Assert.True(reset.Succeeded, reset.Error);
        return (created.Secret, created.Token.Id);
    }

    private static async Task<bool> WaitUntilGoneAsync(TestApp app, int tokenId, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = app.CreateDbContext();
            if (!await db.ApiTokens.AnyAsync(t => t.Id == tokenId))
                return true;
            await Task.Delay(200);
        }
        return false;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
