using Microsoft.EntityFrameworkCore;
using TokenAdmin.Audit;
using TokenAdmin.Data;
using TokenAdmin.People;
using TokenAdmin.Tokens;

namespace TokenAdmin.Accounts;

/// <summary>
/// Who holds access to an account (people and tokens), and changes to it. A token's access is changed through
/// <see cref="TokenService"/>, so its rules (last domain token, cache, audit) hold here too.
/// </summary>
public sealed class AccountAccessService(
    IDbContextFactory<AppDbContext> dbFactory,
    TokenService tokens,
    TimeProvider clock,
    ILogger<AccountAccessService> logger)
{
    /// <param name="reaching">Unless null, only holders whose access reaches one of these resources.</param>
    public async Task<List<AccessHolder>> ListAsync(
        Actor actor, IReadOnlyCollection<ResourceRef>? reaching, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = actor.AccessIn(await db.LoadResourceTreeAsync(actor.AccountId, ct));
        var records = await db.AccountAccesses.AsNoTracking()
            .Where(a => a.AccountId == actor.AccountId)
            .Include(a => a.Grants)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var seeAll = access.Has(AccessLevel.Viewer, access.Tree.Root.Ref);
        var visible = records
            .Where(record => seeAll || access.CanSeeAny(record.Grants))
            .Where(record => reaching is null || Reaches(access.Tree, record, reaching))
            .ToList();

        var tokenIds = visible.Where(r => r.ApiTokenId is not null).Select(r => r.ApiTokenId!.Value).ToList();
        var tokensById = await db.ApiTokens.AsNoTracking().Where(t => tokenIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, ct);
        var userIds = visible.Where(r => r.UserId is not null).Select(r => r.UserId!).ToList();
        var usersById = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, ct);

        return visible.Select(record => new AccessHolder(
                record,
                record.ApiTokenId is { } tokenId ? tokensById.GetValueOrDefault(tokenId) : null,
                record.UserId is { } userId ? usersById.GetValueOrDefault(userId) : null,
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
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (record, access, refusal) = await LoadManagedAsync(db, actor, accessId, ct);
        if (refusal is not null)
            return refusal;
        var wanted = Apply(record!.Grants, changes);
        if (record.ApiTokenId is { } tokenId)
        {
            var version = await db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.Version).SingleAsync(ct);
            await transaction.DisposeAsync();
            return await tokens.UpdateGrantsAsync(actor, tokenId, version, wanted, ct);
        }

        var grants = GrantValidation.Validate(access!, wanted);
        if (!grants.Succeeded)
            return grants;
        var before = GrantText.Describe(access!.Tree, record.Grants);
        db.Grants.RemoveRange(record.Grants);
        record.Grants = [.. grants.Value!.Select(grant => grant.ToGrant())];
        db.Record(actor, clock.GetUtcNow(), AuditEvents.PersonAccessChanged, await PersonSubjectAsync(db, record, ct),
            $"{before} → {GrantText.Describe(access.Tree, record.Grants)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Access {AccessId} of a person changed", accessId);
        return Outcome.Ok;
    }

    /// <summary>Removes a holder: a token is deleted, a person loses their access to the account.</summary>
    public async Task<Outcome> DeleteAsync(Actor actor, int accessId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (record, _, refusal) = await LoadManagedAsync(db, actor, accessId, ct);
        if (refusal is not null)
            return refusal;
        if (record!.ApiTokenId is { } tokenId)
        {
            await transaction.DisposeAsync();
            return await tokens.DeleteAsync(actor, tokenId, ct);
        }

        db.AccountAccesses.Remove(record);
        db.Record(actor, clock.GetUtcNow(), AuditEvents.PersonRemoved, await PersonSubjectAsync(db, record, ct));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Access {AccessId} of a person removed", accessId);
        return Outcome.Ok;
    }

    private static async Task<(AccountAccess?, EffectiveAccess?, Outcome?)> LoadManagedAsync(
        AppDbContext db, Actor actor, int accessId, CancellationToken ct)
    {
        var record = await db.AccountAccesses.Include(a => a.Grants)
            .SingleOrDefaultAsync(a => a.Id == accessId && a.AccountId == actor.AccountId, ct);
        if (record is null)
            return (null, null, Outcome.Fail(Refusals.NotFound, RefusalKind.NotFound));
        var access = actor.AccessIn(await db.LoadResourceTreeAsync(actor.AccountId, ct));
        if (!access.Has(AccessLevel.Viewer, access.Tree.Root.Ref) && !access.CanSeeAny(record.Grants))
            return (null, null, Outcome.Fail(Refusals.NotFound, RefusalKind.NotFound));
        return access.CanManage(record.Grants)
            ? (record, access, null)
            : (null, null, Outcome.Fail(Refusals.NotAllowed, RefusalKind.Forbidden));
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

    private static async Task<Subject> PersonSubjectAsync(AppDbContext db, AccountAccess record, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == record.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        return Subject.Person(record.UserId!, name);
    }
}

/// <summary>One holder of access with what the viewer may do about it.</summary>
public sealed record AccessHolder(
    AccountAccess Access,
    ApiToken? Token,
    ApplicationUser? Person,
    bool CanManage,
    bool IsOwn);

/// <summary>A grant to set (with a level) or remove (without one).</summary>
public readonly record struct GrantChange(ResourceRef Resource, AccessLevel? Level);
