using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.Audit;

/// <summary>
/// Reads the audit log for Settings &gt; Audit log: filtering, ordering and paging happen in SQL, so 100,000
/// entries stay fast. Nothing here changes an entry.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const string NeedsAccountAccess = "You need access to the whole account to read the audit log.";

    // Entries name tokens, people and resources from all over the account, so reading them takes account-wide
    // access: a person who sees one project would otherwise learn about everything else.
    public static bool CanRead(EffectiveAccess access) => access.SeesWholeAccount;

    public async Task<Outcome<AuditPage>> ListAsync(Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = actor.AccessIn(await db.LoadResourceTreeAsync(actor.AccountId, ct));
        if (!CanRead(access))
            return Outcome<AuditPage>.Fail(NeedsAccountAccess, RefusalKind.Forbidden);

        var entries = Filter(db.AuditEntries.AsNoTracking().Where(e => e.AccountId == actor.AccountId), query);
        var total = await entries.CountAsync(ct);
        var page = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(query.Skip).Take(query.Take)
            .ToListAsync(ct);
        return Outcome<AuditPage>.Success(new AuditPage(page, total));
    }

    /// <summary>
    /// Names of tokens the log has entries about, deleted ones included, most recently mentioned first: what the
    /// token filter can pick from.
    /// </summary>
    public async Task<IReadOnlyList<string>> SuggestTokenNamesAsync(
        Actor actor, string? text, int count = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = actor.AccessIn(await db.LoadResourceTreeAsync(actor.AccountId, ct));
        if (!CanRead(access) || !SearchText.CanMatch(text))
            return [];

        var entries = db.AuditEntries.Where(e => e.AccountId == actor.AccountId);
        return await AboutToken(entries, Trimmed(text) ?? "")
            .GroupBy(e => e.SubjectName)
            .OrderByDescending(names => names.Max(e => e.Id))
            .Select(names => names.Key)
            .Take(count)
            .ToListAsync(ct);
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (!new[] { query.Token, query.ActedBy, query.Event }.All(SearchText.CanMatch))
            return entries.Where(e => false);
        if (Trimmed(query.Token) is { } token)
            entries = AboutToken(entries, token);
        if (Trimmed(query.ActedBy) is { } actor)
            entries = ActedBy(entries, actor);
        if (Trimmed(query.Event) is { } auditEvent)
            entries = entries.Where(e => e.Event == auditEvent);
        return Within(entries, query.From, query.To);
    }

    /// <summary>A whole number is a token's id ("12" or "#12"); any other text is part of its name.</summary>
    private static IQueryable<AuditEntry> AboutToken(IQueryable<AuditEntry> entries, string token)
    {
        var aboutTokens = entries.Where(e => e.SubjectType == Subject.TokenType);
        if (int.TryParse(token.TrimStart('#'), out var id) && id > 0)
        {
            var subjectId = id.ToString();
            return aboutTokens.Where(e => e.SubjectId == subjectId);
        }

        var pattern = SearchText.Containing(token);
        return aboutTokens.Where(e => EF.Functions.Like(e.SubjectName, pattern, SearchText.LikeEscape));
    }

    private static IQueryable<AuditEntry> ActedBy(IQueryable<AuditEntry> entries, string actor)
    {
        var pattern = SearchText.Containing(actor);
        return entries.Where(e =>
            e.ActorId == actor || EF.Functions.Like(e.ActorName, pattern, SearchText.LikeEscape));
    }

    /// <summary>From the start of the first day to the end of the last, both UTC.</summary>
    private static IQueryable<AuditEntry> Within(IQueryable<AuditEntry> entries, DateOnly? from, DateOnly? to)
    {
        if (from is { } first)
        {
            var start = StartOf(first);
            entries = entries.Where(e => e.At >= start);
        }
        if (to is { } last && last < DateOnly.MaxValue)
        {
            var end = StartOf(last.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
