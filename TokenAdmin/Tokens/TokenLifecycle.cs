using Microsoft.EntityFrameworkCore;
using TokenAdmin.Audit;
using TokenAdmin.Data;

namespace TokenAdmin.Tokens;

/// <summary>
/// Expiry bookkeeping in bulk: a few SQL statements whatever the number of tokens, each run idempotent, every
/// deadline read from the stored instant.
/// </summary>
public sealed class TokenLifecycle(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <returns>How many expiries were recorded in this run.</returns>
    public async Task<int> RecordExpiriesAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var recorded = await RecordAsync(db, now, ct);
        await transaction.CommitAsync(ct);
        return recorded;
    }

    /// <summary>Deletes every token whose expiry has passed, recording any expiry not yet recorded first.</summary>
    /// <returns>How many tokens were deleted.</returns>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        await RecordAsync(db, now, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "AuditEntries" ("AccountId", "At", "ActorType", "ActorName", "Event",
                "SubjectType", "SubjectId", "SubjectName", "Change")
            SELECT "AccountId", {now.UtcTicks}, 'system', 'Cleanup job', {AuditEvents.TokenCleanedUp},
                'token', CAST("Id" AS TEXT), "Name", 'Deleted after it expired'
            FROM "ApiTokens" WHERE "ExpiresAt" <= {now.UtcTicks}
            """, ct);
        var deleted = await db.ApiTokens.Where(t => t.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        await TokenChanges.PruneAsync(db, now, ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    private static async Task<int> RecordAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "AuditEntries" ("AccountId", "At", "ActorType", "ActorName", "Event",
                "SubjectType", "SubjectId", "SubjectName", "Change")
            SELECT "AccountId", {now.UtcTicks}, 'system', 'Expiry job', {AuditEvents.TokenExpired},
                'token', CAST("Id" AS TEXT), "Name", 'Expired; refused from then on'
            FROM "ApiTokens" WHERE "ExpiresAt" <= {now.UtcTicks} AND "ExpiryRecordedAt" IS NULL
            """, ct);
        return await db.ApiTokens
            .Where(t => t.ExpiresAt <= now && t.ExpiryRecordedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ExpiryRecordedAt, now), ct);
    }
}
