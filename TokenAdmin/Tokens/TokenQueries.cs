using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.Tokens;

/// <summary>
/// Reads tokens for the list: filtering, sorting and paging happen in SQL, so 10,000 tokens stay fast.
/// </summary>
public sealed class TokenQueries(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<TokenOptions> options,
    TimeProvider clock)
{
    public async Task<TokenPage> ListAsync(Actor actor, TokenListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await db.LoadAccessAsync(actor, ct);
        var now = clock.GetUtcNow();

        var tokens = Filter(db.ApiTokens.AsNoTracking().Where(t => t.AccountId == actor.AccountId), access, query, now);
        var total = await tokens.CountAsync(ct);
        var page = await Sort(tokens, query)
            .Skip(query.Skip).Take(query.Take)
            .Include(t => t.Access).ThenInclude(a => a.Grants)
            .AsSplitQuery()
            .ToListAsync(ct);

        var successorIds = page.Where(t => t.SuccessorId is not null).Select(t => t.SuccessorId!.Value).ToList();
        var successors = await db.ApiTokens.Where(t => successorIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rows = page.Select(token => new TokenRow(
            token.Id, token.Name, token.CreatedByName, GrantText.Summarize(access.Tree, token.Access.Grants),
            token.Last4, token.CreatedAt, token.LastUsedAt, token.ExpiresAt, token.ResetAt,
            token.SuccessorId, token.SuccessorId is { } id ? successors.GetValueOrDefault(id) : null,
            access.CanManage(token.Access.Grants),
            options.Value.CopyAfterCreate && token.EncryptedSecret is not null)).ToList();
        return new TokenPage(rows, total);
    }

    public async Task<TokenForEdit?> GetForEditAsync(Actor actor, int tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.AsNoTracking()
            .Include(t => t.Access).ThenInclude(a => a.Grants)
            .SingleOrDefaultAsync(t => t.Id == tokenId && t.AccountId == actor.AccountId, ct);
        return token is null ? null : new TokenForEdit(token.Id, token.Name, token.Version, token.Access.Grants);
    }

    /// <summary>Every token of the actor's account that the actor may see, with its grants, oldest first.</summary>
    public async Task<List<ApiToken>> ListVisibleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await db.LoadAccessAsync(actor, ct);
        return await VisibleTo(db.ApiTokens.AsNoTracking().Where(t => t.AccountId == actor.AccountId), access)
            .Include(t => t.Access).ThenInclude(a => a.Grants)
            .OrderBy(t => t.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
    }

    /// <summary>One token with its grants, or null when it is not in the actor's account or hidden from them.</summary>
    public async Task<ApiToken?> GetVisibleAsync(Actor actor, int tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await db.LoadAccessAsync(actor, ct);
        return await VisibleTo(db.ApiTokens.AsNoTracking().Where(t => t.AccountId == actor.AccountId), access)
            .Include(t => t.Access).ThenInclude(a => a.Grants)
            .SingleOrDefaultAsync(t => t.Id == tokenId, ct);
    }

    /// <summary>An account Viewer sees every token; anyone else the tokens with a grant on what they reach.</summary>
    private static IQueryable<ApiToken> VisibleTo(IQueryable<ApiToken> tokens, EffectiveAccess access)
    {
        if (access.SeesWholeAccount)
            return tokens;
        var reachable = access.Tree.Nodes.Select(node => node.Ref).Where(r => access.LevelOn(r) > AccessLevel.None);
        return tokens.Where(t => t.Access.Grants.AsQueryable().Any(GrantFilters.OnAnyOf(reachable)));
    }

    private static IQueryable<ApiToken> Filter(
        IQueryable<ApiToken> tokens, EffectiveAccess access, TokenListQuery query, DateTimeOffset now)
    {
        tokens = VisibleTo(tokens, access);
        if (!SearchText.CanMatch(query.Name) || !SearchText.CanMatch(query.Creator))
            return tokens.Where(t => false);
        if (query.Resource is { } resource)
        {
            var reaching = access.Tree.SelfAndAncestors(resource);
            tokens = tokens.Where(t => t.Access.Grants.AsQueryable().Any(GrantFilters.OnAnyOf(reaching)));
        }
        if (!string.IsNullOrWhiteSpace(query.Name))
            tokens = tokens.Where(t => EF.Functions.Like(t.Name, Containing(query.Name), SearchText.LikeEscape));
        if (!string.IsNullOrWhiteSpace(query.Creator))
            tokens = tokens.Where(t =>
                EF.Functions.Like(t.CreatedByName, Containing(query.Creator), SearchText.LikeEscape));
        var live = tokens.Where(t => t.ExpiresAt == null || t.ExpiresAt > now);
        return query.State switch
        {
            TokenState.Expired => tokens.Where(t => t.ExpiresAt != null && t.ExpiresAt <= now),
            TokenState.Replaced => live.Where(t => t.ResetAt != null),
            TokenState.Active => live.Where(t => t.ResetAt == null),
            _ => tokens,
        };
    }

    private static IQueryable<ApiToken> Sort(IQueryable<ApiToken> tokens, TokenListQuery query)
    {
        var sorted = (query.Sort, query.Descending) switch
        {
            (TokenSort.Name, false) => tokens.OrderBy(t => t.Name),
            (TokenSort.Name, true) => tokens.OrderByDescending(t => t.Name),
            (TokenSort.Creator, false) => tokens.OrderBy(t => t.CreatedByName),
            (TokenSort.Creator, true) => tokens.OrderByDescending(t => t.CreatedByName),
            (TokenSort.LastUsed, false) => tokens.OrderBy(t => t.LastUsedAt),
            (TokenSort.LastUsed, true) => tokens.OrderByDescending(t => t.LastUsedAt),
            (TokenSort.Expires, false) => tokens.OrderBy(t => t.ExpiresAt),
            (TokenSort.Expires, true) => tokens.OrderByDescending(t => t.ExpiresAt),
            (_, false) => tokens.OrderBy(t => t.CreatedAt),
            (_, true) => tokens.OrderByDescending(t => t.CreatedAt),
        };
        return query.Descending ? sorted.ThenByDescending(t => t.Id) : sorted.ThenBy(t => t.Id);
    }

    private static string Containing(string text) => SearchText.Containing(text.Trim());
}
