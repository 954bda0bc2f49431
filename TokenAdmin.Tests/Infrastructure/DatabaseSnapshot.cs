using Microsoft.EntityFrameworkCore;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// What a refused write must leave as it was: every token, grant and account access, and how many audit entries
/// there are. Last-used times are left out: authenticated requests move them by design.
/// </summary>
public sealed record DatabaseSnapshot(
    IReadOnlyList<string> Tokens,
    IReadOnlyList<string> Grants,
    IReadOnlyList<string> Accesses,
    int AuditEntries)
{
    public static async Task<DatabaseSnapshot> TakeAsync(TestApp app)
    {
        await using var db = app.CreateDbContext();
        var tokens = await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.Version, t.ExpiresAt, t.ResetAt, t.SuccessorId })
            .ToListAsync();
        var grants = await db.Grants.AsNoTracking().OrderBy(g => g.Id)
            .Select(g => new { g.Id, g.AccountAccessId, g.ResourceType, g.ResourceId, g.Level })
            .ToListAsync();
        var accesses = await db.AccountAccesses.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.AccountId, a.UserId, a.ApiTokenId })
            .ToListAsync();
        return new DatabaseSnapshot(
            [.. tokens.Select(t => $"{t}")],
            [.. grants.Select(g => $"{g}")],
            [.. accesses.Select(a => $"{a}")],
            await db.AuditEntries.CountAsync());
    }
}
