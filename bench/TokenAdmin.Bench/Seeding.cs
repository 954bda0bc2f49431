using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.Bench;

/// <summary>Fills the scratch database: live tokens through EF for the list, expired ones by SQL for cleanup.</summary>
public static class Seeding
{
    public const string ListPrefix = "seed-";

    /// <summary>Live tokens <c>seed-00000</c> on, each a minute older, Viewer on the account.</summary>
    public static async Task AddListTokensAsync(BenchApp app, int count)
    {
        await using var db = app.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var accountId = await db.Accounts.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        db.ApiTokens.AddRange(Enumerable.Range(0, count).Select(i => new ApiToken
        {
            AccountId = accountId,
            Name = $"{ListPrefix}{i:D5}",
            SecretHash = TokenSecret.Hash(TokenSecret.Generate()),
            Last4 = "seed",
            CreatedAt = now.AddMinutes(-i),
            CreatedByName = i % 2 == 0 ? "seeder" : "importer",
            Access = new AccountAccess
            {
                AccountId = accountId,
                Grants =
                [
                    new Grant
                    {
                        ResourceType = ResourceType.Account, ResourceId = accountId, Level = AccessLevel.Viewer,
                    },
                ],
            },
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Tokens that expired a day before <paramref name="now"/>, each with its access and one grant, written by three
    /// INSERT ... SELECT statements so 100,000 take seconds.
    /// </summary>
    public static async Task AddExpiredTokensAsync(BenchApp app, int count, DateTimeOffset now)
    {
        await using var db = app.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var accountId = await db.Accounts.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var created = now.AddDays(-30).UtcTicks;
        var expired = now.AddDays(-1).UtcTicks;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO "ApiTokens" ("AccountId", "Name", "SecretHash", "Last4", "CreatedAt", "CreatedByName",
                "ExpiresAt", "Version")
            SELECT {accountId}, 'expired-' || i, randomblob(32), 'xprd', {created}, 'seeder', {expired}, 0 FROM n
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "AccountAccesses" ("AccountId", "ApiTokenId")
            SELECT "AccountId", "Id" FROM "ApiTokens" WHERE "Last4" = 'xprd'
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Grants" ("AccountAccessId", "ResourceType", "ResourceId", "Level")
            SELECT a."Id", {(int)ResourceType.Account}, {accountId}, {(int)AccessLevel.Viewer}
            FROM "AccountAccesses" a JOIN "ApiTokens" t ON t."Id" = a."ApiTokenId" WHERE t."Last4" = 'xprd'
            """);
        await transaction.CommitAsync();
    }
}
