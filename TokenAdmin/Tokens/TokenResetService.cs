using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;

namespace TokenAdmin.Tokens;

/// <summary>
/// Reset: a successor with a new id and secret and the same grants, while the old secret lives out a grace window
/// that never extends its life.
/// </summary>
public sealed class TokenResetService(
    IDbContextFactory<AppDbContext> dbFactory,
    TokenIssuer issuer,
    VerifiedTokenCache verifiedTokens,
    TimeProvider clock,
    ILogger<TokenResetService> logger)
{
    public async Task<Outcome<IssuedToken>> ResetAsync(Actor actor, TokenReset reset, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (reset.Grace < TimeSpan.Zero)
            return Outcome<IssuedToken>.Fail("The grace window cannot be negative.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Immediate transaction: of two resets at the same moment, the second finds the first's mark and stops.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var (old, access, refusal) = await db.LoadManagedTokenAsync(actor, reset.TokenId, ct);
        if (refusal is not null)
            return Outcome<IssuedToken>.Refused(refusal);
        if (Refuse(old!, reset, now) is { } refused)
            return Outcome<IssuedToken>.Refused(refused);

        var expiresAt = reset.ReplaceExpiry ? reset.ExpiresAt : old!.ExpiresAt;
        // The answer carries the successor's secret, so a reset is a creation: it may not outlive the caller.
        if (TokenExpiry.Outlives(expiresAt, actor.LivesUntil) is { } outliving)
            return Outcome<IssuedToken>.Fail(outliving, field: "expires_at");
        if (expiresAt is not null && old!.ExpiresAt is null
            && await db.FindOrphanedDomainAsync(access!.Tree, old, [], now, ct) is { } domain)
            return Outcome<IssuedToken>.Fail(TokenRefusals.DomainSuccessorMustNotExpire(domain));
        var grants = old!.Access.Grants.Select(g => new GrantRequest(g.Resource, g.Level));
        var successor = issuer.Issue(actor, old.Name, expiresAt, grants);
        db.ApiTokens.Add(successor.Token);
        await db.SaveChangesAsync(ct);

        successor.Token.Name = TokenNames.WithId(old.Name, successor.Token.Id);
        EnterGrace(old, successor.Token, now, reset.Grace);
        db.Record(actor, now, AuditEvents.TokenReset, Subject.Token(old.Id, old.Name),
            $"Replaced by token {successor.Token.Id} \"{successor.Token.Name}\"; old secret works until "
            + $"{Times.Format(old.ExpiresAt!.Value)}");
        db.RecordTokenChange(old.Id, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        verifiedTokens.Invalidate(old.Id);

        logger.LogInformation("Token {TokenId} reset; successor {SuccessorId} (…{Last4})",
            old.Id, successor.Token.Id, successor.Token.Last4);
        return Outcome<IssuedToken>.Success(successor);
    }

    private static Outcome? Refuse(ApiToken token, TokenReset reset, DateTimeOffset now)
    {
        if (token.IsExpiredAt(now))
            return Outcome.Fail(TokenRefusals.Expired);
        if (token.ResetAt is not null)
            return Outcome.Fail(TokenRefusals.AlreadyReset);
        return reset.ReplaceExpiry && TokenExpiry.Validate(reset.ExpiresAt, now) is { } invalid
            ? Outcome.Fail(invalid, field: "expires_at")
            : null;
    }

    private static void EnterGrace(ApiToken old, ApiToken successor, DateTimeOffset now, TimeSpan grace)
    {
        var graceEnd = now + grace;
        old.ExpiresAt = old.ExpiresAt is { } own && own < graceEnd ? own : graceEnd;
        old.ResetAt = now;
        old.SuccessorId = successor.Id;
        old.Version++;
    }
}

/// <param name="ReplaceExpiry">
/// False keeps the old token's expiry for the successor; true uses ExpiresAt (null: never).
/// </param>
public sealed record TokenReset(
    int TokenId,
    TimeSpan Grace,
    bool ReplaceExpiry = false,
    DateTimeOffset? ExpiresAt = null);
