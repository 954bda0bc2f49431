using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;

namespace TokenAdmin.Tokens;

/// <summary>Every change to tokens, with the access rules checked here for the console and the API alike.</summary>
public sealed class TokenService(
    IDbContextFactory<AppDbContext> dbFactory,
    TokenIssuer issuer,
    VerifiedTokenCache verifiedTokens,
    TimeProvider clock,
    ILogger<TokenService> logger)
{
    public async Task<Outcome<IssuedToken>> CreateAsync(Actor actor, TokenDraft draft, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (ResourceNames.Validate(draft.Name) is { } invalidName)
            return Outcome<IssuedToken>.Fail(invalidName, field: "name");
        if (TokenExpiry.Validate(draft.ExpiresAt, now) is { } invalidExpiry)
            return Outcome<IssuedToken>.Fail(invalidExpiry, field: "expires_at");
        if (TokenExpiry.Outlives(draft.ExpiresAt, actor.LivesUntil) is { } outliving)
            return Outcome<IssuedToken>.Fail(outliving, field: "expires_at");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One transaction: the audit entry needs the token's id, so the token is saved first, but never alone.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var access = await db.LoadAccessAsync(actor, ct);
        var grants = GrantValidation.Validate(access, draft.Grants);
        if (!grants.Succeeded)
            return Outcome<IssuedToken>.Refused(grants);

        var issued = issuer.Issue(actor, draft.Name.Trim(), draft.ExpiresAt, grants.Value!);
        db.ApiTokens.Add(issued.Token);
        await db.SaveChangesAsync(ct);
        db.Record(actor, now, AuditEvents.TokenCreated, Subject.Token(issued.Token.Id, issued.Token.Name),
            GrantText.Describe(access.Tree, issued.Token.Access.Grants));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Token {TokenId} (…{Last4}) created", issued.Token.Id, issued.Token.Last4);
        return Outcome<IssuedToken>.Success(issued);
    }

    public async Task<Outcome> UpdateGrantsAsync(
        Actor actor,
        int tokenId,
        int? expectedVersion,
        IReadOnlyList<GrantRequest> requested,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var (token, access, refusal) = await db.LoadManagedTokenAsync(actor, tokenId, ct);
        if (refusal is not null)
            return refusal;
        if (expectedVersion is not null && token!.Version != expectedVersion)
            return Outcome.Fail(TokenRefusals.ChangedMeanwhile);
        if (token!.IsExpiredAt(clock.GetUtcNow()))
            return Outcome.Fail(TokenRefusals.Expired);
        var grants = GrantValidation.Validate(access!, requested);
        if (!grants.Succeeded)
            return grants;

        var newGrants = grants.Value!.Select(grant => grant.ToGrant()).ToList();
        if (await db.FindOrphanedDomainAsync(access!.Tree, token, newGrants, clock.GetUtcNow(), ct) is { } domain)
            return Outcome.Fail(TokenRefusals.LastDomainToken(domain));

        var before = GrantText.Describe(access!.Tree, token.Access.Grants);
        db.Grants.RemoveRange(token.Access.Grants);
        token.Access.Grants = newGrants;
        token.Version++;
        db.Record(actor, clock.GetUtcNow(), AuditEvents.TokenPermissionsChanged, Subject.Token(token.Id, token.Name),
            $"{before} → {GrantText.Describe(access.Tree, newGrants)}");
        db.RecordTokenChange(tokenId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        verifiedTokens.Invalidate(tokenId);
        logger.LogInformation("Token {TokenId} permissions changed", tokenId);
        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteAsync(Actor actor, int tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Immediate transaction: the last-domain-token check and the delete are one step for concurrent deletes.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var (token, access, refusal) = await db.LoadManagedTokenAsync(actor, tokenId, ct);
        if (refusal is not null)
            return refusal;
        if (await db.FindOrphanedDomainAsync(access!.Tree, token!, [], clock.GetUtcNow(), ct) is { } domain)
            return Outcome.Fail(TokenRefusals.LastDomainToken(domain));

        db.ApiTokens.Remove(token!);
        db.Record(actor, clock.GetUtcNow(), AuditEvents.TokenDeleted, Subject.Token(token!.Id, token.Name));
        db.RecordTokenChange(tokenId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        verifiedTokens.Invalidate(tokenId);
        logger.LogInformation("Token {TokenId} (…{Last4}) deleted", tokenId, token.Last4);
        return Outcome.Ok;
    }

    /// <summary>The token's secret for "Copy token", recorded in the audit log.</summary>
    public async Task<Outcome<string>> RevealAsync(Actor actor, int tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (token, _, refusal) = await db.LoadManagedTokenAsync(actor, tokenId, ct);
        if (refusal is not null)
            return Outcome<string>.Refused(refusal);
        if (token!.IsExpiredAt(clock.GetUtcNow()))
            return Outcome<string>.Fail(TokenRefusals.Expired);
        if (issuer.Reveal(token) is not { } secret)
            return Outcome<string>.Fail(TokenRefusals.ShowOnce);

        db.Record(actor, clock.GetUtcNow(), AuditEvents.TokenCopied, Subject.Token(token.Id, token.Name));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Token {TokenId} (…{Last4}) copied", tokenId, token.Last4);
        return Outcome<string>.Success(secret);
    }
}
