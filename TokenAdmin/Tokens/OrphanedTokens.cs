using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;

namespace TokenAdmin.Tokens;

public static class OrphanedTokens
{
    /// <summary>
    /// Deletes, in the caller's unit of work, the account's tokens that a resource delete left without any grant:
    /// a token that reaches nothing has no reason to keep authenticating.
    /// </summary>
    /// <returns>The ids of the deleted tokens.</returns>
    public static async Task<List<int>> DeleteTokensWithoutGrantsAsync(
        this AppDbContext db, Actor actor, DateTimeOffset now, string reason, CancellationToken ct)
    {
        var orphans = await db.ApiTokens
            .Where(t => t.AccountId == actor.AccountId && !t.Access.Grants.Any())
            .ToListAsync(ct);
        foreach (var token in orphans)
            db.Record(actor, now, AuditEvents.TokenDeleted, Subject.Token(token.Id, token.Name), reason);
        db.ApiTokens.RemoveRange(orphans);
        return [.. orphans.Select(t => t.Id)];
    }
}
