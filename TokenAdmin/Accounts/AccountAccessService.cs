using Microsoft.EntityFrameworkCore;
using TokenAdmin.Data;
using TokenAdmin.People;
using TokenAdmin.Tokens;

namespace TokenAdmin.Accounts;

/// <summary>
/// Who holds access to an account (people and tokens), and changes to it. Changes go through
/// <see cref="TokenService"/> and <see cref="PeopleService"/>, so their rules (last domain token, last owner, cache,
/// audit) hold here too; the version read here makes a token change refused if another came first.
/// </summary>
public sealed class AccountAccessService(
    IDbContextFactory<AppDbContext> dbFactory,
    TokenService tokens,
    PeopleService people)
{
    /// <param name="reaching">Unless null, only holders whose access reaches one of these resources.</param>
    public async Task<List<AccessHolder>> ListAsync(
        Actor actor, IReadOnlyCollection<ResourceRef>? reaching, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await db.LoadAccessAsync(actor, ct);
        var records = await db.AccountAccesses.AsNoTracking()
            .Where(a => a.AccountId == actor.AccountId)
            .Include(a => a.Grants)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var visible = records
            .Where(record => access.CanSeeHolder(record.Grants))
            .Where(record => reaching is null || Reaches(access.Tree, record, reaching))
            .ToList();

        var tokenIds = visible.Where(r => r.ApiTokenId is not null).Select(r => r.ApiTokenId!.Value).ToList();
        var tokensById = await db.ApiTokens.AsNoTracking().Where(t => tokenIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, ct);
        var userIds = visible.Where(r => r.UserId is not null).Select(r => r.UserId!).ToList();
        var usersById = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, ct);
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => userIds.Contains(i.UserId) && i.AcceptedAt == null)
            .ToListAsync(ct);
        var invitationByUser = invitations.GroupBy(i => i.UserId).ToDictionary(g => g.Key, g => g.MaxBy(i => i.Id)!);

        return visible.Select(record => new AccessHolder(
                record,
                record.ApiTokenId is { } tokenId ? tokensById.GetValueOrDefault(tokenId) : null,
                record.UserId is { } userId ? usersById.GetValueOrDefault(userId) : null,
                record.UserId is { } invitedId ? invitationByUser.GetValueOrDefault(invitedId) : null,
                CanManage: access.CanManage(record.Grants),
                IsOwn: record.ApiTokenId == actor.TokenId && actor.TokenId is not null
                    || record.UserId == actor.UserId && actor.UserId is not null))
            .Where(holder => holder.Token is not null || holder.Person is not null)
            .ToList();
    }

    /// <summary>Sets or removes single grants of one holder; the holder keeps every grant not named.</summary>
    public async Task<Outcome> ChangeGrantsAsync(
        Actor actor, int accessId, IReadOnlyList<GrantChange> changes, CancellationToken ct = default)
    {
        // Changes name single grants, so one that lost a race is applied again to what won, a few times at most.
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await ChangeGrantsOnceAsync(actor, accessId, changes, ct);
            if (outcome.Error != TokenRefusals.ChangedMeanwhile || attempt == 3)
                return outcome;
        }
    }

    private async Task<Outcome> ChangeGrantsOnceAsync(
        Actor actor, int accessId, IReadOnlyList<GrantChange> changes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A token's version is read before its grants: a change landing in between then makes the version stale,
        // so the update is refused and tried again, instead of writing a change to grants another change replaced.
        var version = await db.ApiTokens
            .Where(t => t.Access.Id == accessId)
            .Select(t => t.Version)
            .FirstOrDefaultAsync(ct);
        var (record, refusal) = await LoadManagedAsync(db, actor, accessId, ct);
        if (refusal is not null)
            return refusal;
        if (record!.ApiTokenId is { } tokenId)
            return await tokens.UpdateGrantsAsync(actor, tokenId, version, Apply(record.Grants, changes), ct);

        // A person's grants carry no version: the changes are applied to them in the transaction that writes them.
        return await people.ChangeAccessAsync(actor, accessId, current => Apply(current, changes), ct);
    }

    /// <summary>Removes a holder: a token is deleted, a person loses their access to the account.</summary>
    public async Task<Outcome> DeleteAsync(Actor actor, int accessId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (record, refusal) = await LoadManagedAsync(db, actor, accessId, ct);
        if (refusal is not null)
            return refusal;
        if (record!.ApiTokenId is { } tokenId)
        {
            return await tokens.DeleteAsync(actor, tokenId, ct);
        }

        return await people.RemoveAsync(actor, accessId, ct);
    }

    private static async Task<(AccountAccess?, Outcome?)> LoadManagedAsync(
        AppDbContext db, Actor actor, int accessId, CancellationToken ct)
    {
        var record = await db.AccountAccesses.Include(a => a.Grants)
            .SingleOrDefaultAsync(a => a.Id == accessId && a.AccountId == actor.AccountId, ct);
        if (record is null)
            return (null, Outcome.Fail(Refusals.NotFound, RefusalKind.NotFound));
        var access = await db.LoadAccessAsync(actor, ct);
        if (!access.CanSeeHolder(record.Grants))
            return (null, Outcome.Fail(Refusals.NotFound, RefusalKind.NotFound));
        return access.CanManage(record.Grants)
            ? (record, null)
            : (null, Outcome.Fail(Refusals.NotAllowed, RefusalKind.Forbidden));
    }

    private static List<GrantRequest> Apply(IEnumerable<Grant> current, IReadOnlyList<GrantChange> changes)
    {
        var levels = current.ToDictionary(grant => grant.Resource, grant => grant.Level);
        foreach (var change in changes)
        {
            if (change.Level is { } level)
                levels[change.Resource] = level;
            else
                levels.Remove(change.Resource);
        }
        return [.. levels.Select(pair => new GrantRequest(pair.Key, pair.Value))];
    }

    private static bool Reaches(ResourceTree tree, AccountAccess record, IReadOnlyCollection<ResourceRef> resources)
    {
        var holder = new EffectiveAccess(tree, record.Grants);
        return resources.Any(resource => holder.LevelOn(resource) > AccessLevel.None);
    }
}

/// <summary>One holder of access with what the viewer may do about it.</summary>
public sealed record AccessHolder(
    AccountAccess Access,
    ApiToken? Token,
    ApplicationUser? Person,
    Invitation? OpenInvitation,
    bool CanManage,
    bool IsOwn);

/// <summary>A grant to set (with a level) or remove (without one).</summary>
public readonly record struct GrantChange(ResourceRef Resource, AccessLevel? Level);
