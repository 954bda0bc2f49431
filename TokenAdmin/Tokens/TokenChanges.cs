using Microsoft.EntityFrameworkCore;
using TokenAdmin.Data;
using TokenAdmin.Data.PostgreSql;

namespace TokenAdmin.Tokens;

/// <summary>The change log that keeps the verification caches of several nodes in step (PostgreSQL only).</summary>
public static class TokenChanges
{
    /// <summary>How long entries are kept; any live node has read them long before.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    /// <summary>
    /// Notes a change for the other nodes, saved with the caller's unit of work. Call it inside a write
    /// transaction: those run one at a time, so ids are committed in order and a reader that has seen an id has
    /// seen every smaller one.
    /// </summary>
    public static void RecordTokenChange(this AppDbContext db, int? tokenId, DateTimeOffset at)
    {
        if (db is PostgreSqlDbContext shared)
            shared.TokenChanges.Add(new TokenChange { TokenId = tokenId, At = at });
    }

    /// <summary>For changes that reach many tokens at once, such as deleting a resource and its grants.</summary>
    public static void RecordAllTokensChanged(this AppDbContext db, DateTimeOffset at) =>
        db.RecordTokenChange(tokenId: null, at);

    /// <returns>How many entries older than <see cref="Kept"/> were deleted.</returns>
    public static async Task<int> PruneAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (db is not PostgreSqlDbContext shared)
            return 0;
        var before = now - Kept;
        return await shared.TokenChanges.Where(change => change.At < before).ExecuteDeleteAsync(ct);
    }
}
