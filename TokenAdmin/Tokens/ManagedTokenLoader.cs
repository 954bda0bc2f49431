using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.Tokens;

public static class ManagedTokenLoader
{
    /// <summary>
    /// Loads a token of the actor's account with its grants, tracked for change, or a refusal when it is gone or
    /// the actor's access does not cover every grant.
    /// </summary>
    public static async Task<(ApiToken? Token, EffectiveAccess? Access, Outcome? Refusal)> LoadManagedTokenAsync(
        this AppDbContext db, Actor actor, int tokenId, CancellationToken ct)
    {
        var token = await db.ApiTokens.Include(t => t.Access).ThenInclude(a => a.Grants)
            .SingleOrDefaultAsync(t => t.Id == tokenId && t.AccountId == actor.AccountId, ct);
        if (token is null)
            return (null, null, Outcome.Fail(TokenRefusals.NotFound, RefusalKind.NotFound));

        var access = await db.LoadAccessAsync(actor, ct);
        // A token the actor cannot see is answered as missing, so ids cannot be probed through changes.
        if (!access.CanSeeHolder(token.Access.Grants))
            return (null, null, Outcome.Fail(TokenRefusals.NotFound, RefusalKind.NotFound));
        return access.CanManage(token.Access.Grants)
            ? (token, access, null)
            : (null, null, Outcome.Fail(TokenRefusals.NotYours, RefusalKind.Forbidden));
    }
}
