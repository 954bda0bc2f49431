using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.People;

/// <summary>Reads the people of the actor's account that the actor may see, with what the actor may do.</summary>
public sealed class PeopleQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<List<PersonRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await db.LoadAccessAsync(actor, ct);
        var people = await db.AccountAccesses.AsNoTracking()
            .Where(a => a.AccountId == actor.AccountId && a.UserId != null)
            .Include(a => a.Grants)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { Access = a, u.DisplayName, u.Email })
            .OrderBy(row => row.DisplayName)
            .ToListAsync(ct);
        var userIds = people.Select(p => p.Access.UserId!).ToList();
        var openUntil = await db.Invitations.AsNoTracking()
            .Where(i => userIds.Contains(i.UserId) && i.AcceptedAt == null)
            .GroupBy(i => i.UserId)
            .Select(g => new { UserId = g.Key, ExpiresAt = g.Max(i => i.ExpiresAt) })
            .ToDictionaryAsync(i => i.UserId, i => i.ExpiresAt, ct);

        return [.. people
            .Where(p => access.CanSeeHolder(p.Access.Grants) || p.Access.UserId == actor.UserId)
            .Select(p => new PersonRow(
                p.Access.Id,
                p.Access.UserId!,
                p.DisplayName,
                p.Email ?? "",
                GrantText.Summarize(access.Tree, p.Access.Grants),
                p.Access.Grants,
                openUntil.TryGetValue(p.Access.UserId!, out var until) ? until : null,
                IsSelf: p.Access.UserId == actor.UserId,
                CanManage: access.CanManage(p.Access.Grants)))];
    }

    /// <summary>The actor's own access in words, for their account page.</summary>
    public async Task<string> DescribeOwnAccessAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await db.LoadResourceTreeAsync(actor.AccountId, ct);
        return actor.Grants.Count == 0 ? "No access" : GrantText.Describe(tree, actor.Grants);
    }

    public DateTimeOffset Now => clock.GetUtcNow();
}

/// <param name="InvitedUntil">Set while the person has not accepted their invitation: when the link expires.</param>
public sealed record PersonRow(
    int AccessId,
    string UserId,
    string Name,
    string Email,
    string Access,
    IReadOnlyList<Grant> Grants,
    DateTimeOffset? InvitedUntil,
    bool IsSelf,
    bool CanManage)
{
    public bool IsOwner => OwnerGuard.IsOwner(Grants);
}
