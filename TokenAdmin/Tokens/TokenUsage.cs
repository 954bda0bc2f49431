using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TokenAdmin.Api;
using TokenAdmin.Data;

namespace TokenAdmin.Tokens;

/// <summary>
/// Last-used bookkeeping without a database write per request: each token's use is noted in memory at most once
/// per resolution, and <see cref="FlushAsync"/> writes what was noted in one batch.
/// </summary>
public sealed class TokenUsage(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<ApiOptions> options,
    TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, DateTimeOffset> _lastNoted = new();
    private readonly ConcurrentDictionary<int, DateTimeOffset> _unwritten = new();

    public void Note(int tokenId)
    {
        if (!options.Value.RecordLastUsed)
            return;
        var now = clock.GetUtcNow();
        if (_lastNoted.TryGetValue(tokenId, out var noted) && now - noted < options.Value.LastUsedResolution)
            return;
        _lastNoted[tokenId] = now;
        _unwritten[tokenId] = now;
    }

    /// <returns>How many tokens' last-used times were written.</returns>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        var batch = new List<(int TokenId, DateTimeOffset UsedAt)>();
        foreach (var tokenId in _unwritten.Keys)
        {
            if (_unwritten.TryRemove(tokenId, out var usedAt))
                batch.Add((tokenId, usedAt));
        }
        if (batch.Count == 0)
            return 0;

        try
        {
            await WriteAsync(batch, ct);
        }
        catch
        {
            foreach (var (tokenId, usedAt) in batch)
                _unwritten.TryAdd(tokenId, usedAt);
            throw;
        }
        return batch.Count;
    }

    private async Task WriteAsync(List<(int TokenId, DateTimeOffset UsedAt)> batch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        foreach (var (tokenId, usedAt) in batch)
        {
            // Never move a last-used time backwards; a deleted token simply matches no row.
            await db.ApiTokens
                .Where(t => t.Id == tokenId && (t.LastUsedAt == null || t.LastUsedAt < usedAt))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, usedAt), ct);
        }
        await transaction.CommitAsync(ct);
    }
}
