using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;
using TokenAdmin.Tokens;

namespace TokenAdmin.SendingDomains;

public sealed class SendingDomainService(
    IDbContextFactory<AppDbContext> dbFactory,
    TokenIssuer issuer,
    VerifiedTokenCache verifiedTokens,
    TimeProvider clock,
    ILogger<SendingDomainService> logger)
{
    /// <summary>
    /// Adds the domain and its token, "&lt;domain&gt; token &lt;id&gt;" with Admin on the domain only.
    /// </summary>
    public async Task<Outcome<SendingDomain>> AddAsync(Actor actor, string name, CancellationToken ct = default)
    {
        var normalized = DomainNames.Normalize(name);
        if (DomainNames.Validate(normalized) is { } invalid)
            return Outcome<SendingDomain>.Fail(invalid);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var access = await db.LoadAccessAsync(actor, ct);
        if (!access.Has(AccessLevel.Admin, ResourceRef.Account(actor.AccountId)))
            return Outcome<SendingDomain>.Fail(Refusals.NotAllowed, RefusalKind.Forbidden);
        if (await db.SendingDomains.AnyAsync(d => d.AccountId == actor.AccountId && d.Name == normalized, ct))
            return Outcome<SendingDomain>.Fail($"{normalized} is already a sending domain of this account.");

        var now = clock.GetUtcNow();
        var domain = new SendingDomain { AccountId = actor.AccountId, Name = normalized, CreatedAt = now };
        db.SendingDomains.Add(domain);
        await db.SaveChangesAsync(ct);
        var token = await AddDomainTokenAsync(db, actor, domain, ct);
        db.Record(actor, now, AuditEvents.DomainAdded, Subject.Domain(domain.Id, domain.Name));
        db.Record(actor, now, AuditEvents.TokenCreated, Subject.Token(token.Id, token.Name),
            $"Admin on sending domain {domain.Name}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Sending domain {DomainId} added with token {TokenId}", domain.Id, token.Id);
        return Outcome<SendingDomain>.Success(domain);
    }

    /// <summary>Deletes the domain and its grants; tokens left with no grant go with it.</summary>
    public async Task<Outcome> DeleteAsync(Actor actor, int domainId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var domain = await db.SendingDomains.SingleOrDefaultAsync(
            d => d.Id == domainId && d.AccountId == actor.AccountId, ct);
        if (domain is null)
            return Outcome.Fail(Refusals.NotFound, RefusalKind.NotFound);
        var access = await db.LoadAccessAsync(actor, ct);
        if (!access.Has(AccessLevel.Admin, ResourceRef.SendingDomain(domainId)))
            return Outcome.Fail(Refusals.NotAllowed, RefusalKind.Forbidden);

        await db.RemoveGrantsOnAsync([ResourceRef.SendingDomain(domainId)], ct);
        db.SendingDomains.Remove(domain);
        await db.SaveChangesAsync(ct);
        var orphans = await db.DeleteTokensWithoutGrantsAsync(
            actor, clock.GetUtcNow(), "Left without permissions by a domain delete", ct);
        db.Record(actor, clock.GetUtcNow(), AuditEvents.DomainDeleted, Subject.Domain(domain.Id, domain.Name),
            orphans.Count == 0 ? "" : $"{orphans.Count} tokens left without permissions deleted");
        db.RecordAllTokensChanged(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        verifiedTokens.Clear();

        logger.LogInformation("Sending domain {DomainId} deleted with {TokenCount} tokens", domainId, orphans.Count);
        return Outcome.Ok;
    }

    private async Task<ApiToken> AddDomainTokenAsync(
        AppDbContext db, Actor actor, SendingDomain domain, CancellationToken ct)
    {
        // Domain tokens never expire: mail would stop when they did.
        var grant = new GrantRequest(ResourceRef.SendingDomain(domain.Id), AccessLevel.Admin);
        var token = issuer.Issue(actor, $"{domain.Name} token", expiresAt: null, [grant]).Token;
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        token.Name = TokenNames.WithId(token.Name, token.Id);
        return token;
    }
}
