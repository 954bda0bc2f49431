using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.SendingDomains;

public sealed class SendingDomainService(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    ILogger<SendingDomainService> logger)
{
    public async Task<Outcome<SendingDomain>> AddAsync(Actor actor, string name, CancellationToken ct = default)
    {
        var normalized = DomainNames.Normalize(name);
        if (DomainNames.Validate(normalized) is { } invalid)
            return Outcome<SendingDomain>.Fail(invalid);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = actor.AccessIn(await db.LoadResourceTreeAsync(actor.AccountId, ct));
        if (!access.Has(AccessLevel.Admin, ResourceRef.Account(actor.AccountId)))
            return Outcome<SendingDomain>.Fail(Refusals.NotAllowed);
        if (await db.SendingDomains.AnyAsync(d => d.AccountId == actor.AccountId && d.Name == normalized, ct))
            return Outcome<SendingDomain>.Fail(Duplicate(normalized));

        var domain = new SendingDomain { AccountId = actor.AccountId, Name = normalized, CreatedAt = clock.GetUtcNow() };
        db.SendingDomains.Add(domain);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another request added the same name between our check and our insert.
            return Outcome<SendingDomain>.Fail(Duplicate(normalized));
        }
        logger.LogInformation("Sending domain {DomainId} added to account {AccountId}", domain.Id, actor.AccountId);
        return Outcome<SendingDomain>.Success(domain);
    }

    public async Task<Outcome> DeleteAsync(Actor actor, int domainId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var domain = await db.SendingDomains.SingleOrDefaultAsync(d => d.Id == domainId && d.AccountId == actor.AccountId, ct);
        if (domain is null)
            return Outcome.Fail(Refusals.NotFound);
        var access = actor.AccessIn(await db.LoadResourceTreeAsync(actor.AccountId, ct));
        if (!access.Has(AccessLevel.Admin, ResourceRef.SendingDomain(domainId)))
            return Outcome.Fail(Refusals.NotAllowed);

        await db.RemoveGrantsOnAsync([ResourceRef.SendingDomain(domainId)], ct);
        db.SendingDomains.Remove(domain);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Sending domain {DomainId} deleted", domainId);
        return Outcome.Ok;
    }

    private static string Duplicate(string name) => $"{name} is already a sending domain of this account.";
}
