using Microsoft.EntityFrameworkCore;
using TokenAdmin.Data;
using TokenAdmin.Data.PostgreSql;

namespace TokenAdmin.Tokens;

/// <summary>
/// Applies other nodes' token changes to this node's verification cache: polls the change log for entries newer
/// than the last one seen, every <see cref="PollInterval"/>. A poll works through connection poolers, where
/// LISTEN/NOTIFY does not. When polls fail for longer than <see cref="StaleAfter"/>, every failed poll empties the
/// cache, so verification reads the database itself until polls succeed again: the cache fails closed. A poll still
/// running after <see cref="StaleAfter"/> (a held lock, a lost connection) is cancelled and counts as failed, so a
/// hung poll cannot keep the cache trusted.
/// </summary>
public sealed class TokenChangeListener(
    IDbContextFactory<PostgreSqlDbContext> dbFactory,
    VerifiedTokenCache cache,
    TimeProvider clock,
    ILogger<TokenChangeListener> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(1);

    private long _lastSeen;
    private long _lastSuccess;
    private bool _stale;

    /// <summary>The newest change applied to the cache so far.</summary>
    internal long LastSeen => Interlocked.Read(ref _lastSeen);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            _lastSeen = await db.TokenChanges.MaxAsync(change => (long?)change.Id, cancellationToken) ?? 0;
        // Whatever was cached before the mark was read may predate a change below it.
        cache.Clear();
        _lastSuccess = clock.GetTimestamp();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await PollOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollOnceAsync(CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(StaleAfter, clock);
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await ApplyNewChangesAsync(poll.Token);
            if (_stale)
                logger.LogInformation("Reading token changes works again after {Elapsed}", Elapsed());
            _lastSuccess = clock.GetTimestamp();
            _stale = false;
        }
        catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (Elapsed() < StaleAfter)
                return;
            cache.Clear();
            // Once per outage: at four polls a second, a warning each would flood the log.
            if (!_stale)
                logger.LogWarning(error, "Reading token changes failed for {Elapsed}; verification cache emptied "
                    + "until it works again", Elapsed());
            _stale = true;
        }
    }

    private TimeSpan Elapsed() => clock.GetElapsedTime(_lastSuccess);

    private async Task ApplyNewChangesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changes = await db.TokenChanges.AsNoTracking()
            .Where(change => change.Id > _lastSeen)
            .OrderBy(change => change.Id)
            .Select(change => new { change.Id, change.TokenId })
            .ToListAsync(ct);
        if (changes.Count == 0)
            return;

        if (changes.Any(change => change.TokenId is null))
            cache.Clear();
        else
            cache.Invalidate(changes.Select(change => change.TokenId!.Value));
        Interlocked.Exchange(ref _lastSeen, changes[^1].Id);
    }
}
