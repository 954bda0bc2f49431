using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Hardening;

/// <summary>
/// Issue 7: 50 parallel API calls with one token, a reset and a cleanup run, ten rounds on one SQLite file.
/// The reset replaces another token than the caller: a replaced caller may only read, so its creates would be
/// refused by design. Each round's reset target is the previous round's successor, whose predecessor's grace
/// ends before the next round's cleanup, so every cleanup also deletes a reset token.
/// </summary>
public sealed class ParallelLoadTests
{
    private const int Rounds = 10;
    private const int ExpiringPerRound = 3;
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RoundLength = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task EveryCallSucceedsAndEveryWriteIsKeptWhenCallsResetsAndCleanupsRunTogether()
    {
        await using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            ["TokenAdmin:Tokens:GraceWindow"] = Grace.ToString(),
            ["TokenAdmin:Api:LastUsedFlushInterval"] = "00:00:01",
        });
        var owner = await app.OwnerAsync();
        var caller = await app.NewTokenAsync(owner, "caller", Arrange.AccountGrant(owner, AccessLevel.Admin));
        var firstTarget = await app.NewTokenAsync(owner, "target", Arrange.AccountGrant(owner, AccessLevel.Viewer));
        using var client = app.ApiClient(caller.Secret);
        var auditMark = await LastAuditIdAsync(app);
        var targets = new List<int> { firstTarget.Token.Id };
        var (created, expiring, unexpected, troubles) = (new List<int>(), new List<int>(), new List<string>(),
            new List<LogLine>());

        for (var round = 1; round <= Rounds; round++)
        {
            expiring.AddRange(await ExpiringTokensAsync(app, owner));
            app.Clock.Advance(RoundLength);
            var (load, logMark) = (new ParallelRound(app, client, owner.AccountId, round), app.Logs.Written);

            await load.RunAsync(targets[^1]);

            // Checked per round: the capture keeps only the latest lines, and EF logs every command at Debug.
            troubles.AddRange(app.Logs.LinesSince(logMark).Where(IsTrouble));
            unexpected.AddRange(load.Unexpected);
            created.AddRange(load.Created);
            targets.Add(load.SuccessorId ?? throw new InvalidOperationException(string.Join("\n", unexpected)));
        }

        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(10)));
        Assert.Equal(Rounds * ParallelRound.Calls * 2 / 5, created.Count);
        Assert.True(troubles.Count == 0, string.Join("\n", troubles.Take(5)));
        await AssertStoredAsync(app, created, expiring, targets);
        Assert.Equal(ExpectedEvents(created, expiring, targets), await TokenEventsSinceAsync(app, auditMark));
    }

    private static async Task AssertStoredAsync(TestApp app, List<int> created, List<int> expiring, List<int> targets)
    {
        await using var db = app.CreateDbContext();
        var tokens = await db.ApiTokens.AsNoTracking().Include(t => t.Access.Grants).ToDictionaryAsync(t => t.Id);
        var stored = tokens.Values.Where(t => t.Name.StartsWith("parallel ")).Select(t => t.Id).Order();
        Assert.Equal(created.Order(), stored);
        Assert.DoesNotContain(tokens.Keys, expiring.Contains);
        Assert.DoesNotContain(tokens.Keys, targets[..^2].Contains);
        var (lastReplaced, successor) = (tokens[targets[^2]], tokens[targets[^1]]);
        Assert.Equal(successor.Id, lastReplaced.SuccessorId);
        Assert.Null(successor.ResetAt);
        Assert.Equal(lastReplaced.Access.Grants.AsTriples(), successor.Access.Grants.AsTriples());
        Assert.Equal(tokens.Count, await db.AccountAccesses.CountAsync(a => a.ApiTokenId != null));
    }

    /// <summary>Per token, the audit events it should have gathered since the mark, oldest first.</summary>
    private static Dictionary<int, List<string>> ExpectedEvents(
        List<int> created, List<int> expiring, List<int> targets)
    {
        List<string> cleanedUp = [AuditEvents.TokenExpired, AuditEvents.TokenCleanedUp];
        var events = created.ToDictionary(id => id, _ => new List<string> { AuditEvents.TokenCreated });
        foreach (var id in expiring)
            events[id] = [AuditEvents.TokenCreated, .. cleanedUp];
        foreach (var id in targets[..^2])
            events[id] = [AuditEvents.TokenReset, .. cleanedUp];
        events[targets[^2]] = [AuditEvents.TokenReset];
        return events;
    }

    private static async Task<Dictionary<int, List<string>>> TokenEventsSinceAsync(TestApp app, long mark)
    {
        await using var db = app.CreateDbContext();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Id > mark)
            .OrderBy(e => e.Id)
            .Select(e => new { e.SubjectType, e.SubjectId, e.Event })
            .ToListAsync();
        Assert.All(entries, entry => Assert.Equal("token", entry.SubjectType));
        return entries
            .GroupBy(entry => int.Parse(entry.SubjectId!))
            .ToDictionary(group => group.Key, group => group.Select(entry => entry.Event).ToList());
    }

    private static async Task<List<int>> ExpiringTokensAsync(TestApp app, Actor owner)
    {
        var expiresAt = app.Clock.GetUtcNow() + RoundLength / 2;
        var ids = new List<int>();
        for (var i = 0; i < ExpiringPerRound; i++)
        {
            var draft = new TokenDraft(Unique.Name("expiring"), expiresAt,
                [Arrange.AccountGrant(owner, AccessLevel.Viewer)]);
            var outcome = await app.Get<TokenService>().CreateAsync(owner, draft);
            ids.Add(outcome.Value?.Token.Id ?? throw new InvalidOperationException(outcome.Error));
        }
        return ids;
    }

    private static async Task<long> LastAuditIdAsync(TestApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.MaxAsync(e => e.Id);
    }

    private static bool IsTrouble(LogLine line) =>
        line.Level >= LogLevel.Warning
        || line.Text.Contains("database is locked", StringComparison.OrdinalIgnoreCase)
        || line.Text.Contains("SqliteException", StringComparison.Ordinal);
}
