using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;

namespace TokenAdmin.People;

/// <summary>Loading a person's access for a change, and the rule that an account always keeps an owner.</summary>
public static class OwnerGuard
{
    public static bool IsOwner(IEnumerable<Grant> grants) =>
        grants.Any(grant => grant.ResourceType == ResourceType.Account && grant.Level == AccessLevel.Owner);

    public static async Task<bool> IsLastOwnerAsync(this AppDbContext db, AccountAccess record, CancellationToken ct) =>
        !await db.AccountAccesses.AnyAsync(a => a.AccountId == record.AccountId && a.Id != record.Id
            && a.UserId != null
            && a.Grants.Any(g => g.ResourceType == ResourceType.Account && g.Level == AccessLevel.Owner), ct);

    /// <summary>
    /// A person's access of the actor's account with its grants, tracked, or a refusal when it is not there, hidden
    /// from the actor, or holds more than the actor may change.
    /// </summary>
    public static async Task<(AccountAccess?, EffectiveAccess?, Outcome?)> LoadManagedPersonAsync(
        this AppDbContext db, Actor actor, int accessId, CancellationToken ct)
    {
        var record = await db.AccountAccesses.Include(a => a.Grants)
            .SingleOrDefaultAsync(a => a.Id == accessId && a.AccountId == actor.AccountId && a.UserId != null, ct);
        if (record is null)
            return (null, null, Outcome.Fail(Refusals.NotFound, RefusalKind.NotFound));
        var access = await db.LoadAccessAsync(actor, ct);
        if (!access.CanSeeHolder(record.Grants))
            return (null, null, Outcome.Fail(Refusals.NotFound, RefusalKind.NotFound));
        return access.CanManage(record.Grants)
            ? (record, access, null)
            : (null, null, Outcome.Fail(Refusals.NotAllowed, RefusalKind.Forbidden));
    }

    public static async Task<Subject> PersonSubjectAsync(
        this AppDbContext db, AccountAccess record, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == record.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        return Subject.Person(record.UserId!, name);
    }
}
