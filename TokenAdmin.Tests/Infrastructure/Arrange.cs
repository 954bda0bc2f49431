using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Projects;
using TokenAdmin.SendingDomains;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>Data that service-level tests set up through the app's own services, and what they read back.</summary>
public static class Arrange
{
    public static GrantRequest AccountGrant(Actor actor, AccessLevel level) =>
        new(ResourceRef.Account(actor.AccountId), level);

    public static async Task<IssuedToken> NewTokenAsync(
        this TestApp app, Actor actor, string name, params GrantRequest[] grants)
    {
        var draft = new TokenDraft(name, ExpiresAt: null, grants);
        var outcome = await app.Get<TokenService>().CreateAsync(actor, draft);
        return outcome.Value ?? throw new InvalidOperationException(outcome.Error);
    }

    public static async Task<(ResourceRef Ref, string Name)> NewProjectAsync(this TestApp app, Actor owner)
    {
        var outcome = await app.Get<ProjectService>().CreateProjectAsync(owner, Unique.Name("project"));
        var project = outcome.Value ?? throw new InvalidOperationException(outcome.Error);
        return (ResourceRef.Project(project.Id), project.Name);
    }

    /// <summary>A new sending domain, example-&lt;unique&gt;.com, which comes with its own token.</summary>
    public static async Task<(ResourceRef Ref, string Name)> NewDomainAsync(this TestApp app, Actor owner)
    {
        var outcome = await app.Get<SendingDomainService>().AddAsync(owner, $"{Unique.Name("example")}.com");
        var domain = outcome.Value ?? throw new InvalidOperationException(outcome.Error);
        return (ResourceRef.SendingDomain(domain.Id), domain.Name);
    }

    public static async Task<int> TokenAccessIdAsync(this TestApp app, int tokenId)
    {
        await using var db = app.CreateDbContext();
        return await db.AccountAccesses.Where(a => a.ApiTokenId == tokenId).Select(a => a.Id).SingleAsync();
    }

    public static async Task<int> PersonAccessIdAsync(this TestApp app, string userId)
    {
        await using var db = app.CreateDbContext();
        return await db.AccountAccesses.Where(a => a.UserId == userId).Select(a => a.Id).SingleAsync();
    }

    /// <summary>The id of the token a sending domain came with (the only one granted on the domain).</summary>
    public static async Task<int> DomainTokenIdAsync(this TestApp app, ResourceRef domain)
    {
        await using var db = app.CreateDbContext();
        return await db.ApiTokens
            .Where(t => t.Access.Grants.Any(g => g.ResourceType == domain.Type && g.ResourceId == domain.Id))
            .Select(t => t.Id)
            .SingleAsync();
    }

    /// <summary>A second account beside the owner's, with nobody in it.</summary>
    public static async Task<int> NewAccountAsync(this TestApp app)
    {
        await using var db = app.CreateDbContext();
        var account = new Account { Name = Unique.Name("other account"), CreatedAt = app.Clock.GetUtcNow() };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>The audit log's events about one token, oldest first.</summary>
    public static async Task<List<string>> TokenEventsAsync(this TestApp app, int tokenId)
    {
        var subjectId = tokenId.ToString();
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.AsNoTracking()
            .Where(entry => entry.SubjectType == "token" && entry.SubjectId == subjectId)
            .OrderBy(entry => entry.Id)
            .Select(entry => entry.Event)
            .ToListAsync();
    }

    /// <summary>Grants as comparable values, in a fixed order.</summary>
    public static List<(ResourceType Type, int Id, AccessLevel Level)> AsTriples(this IEnumerable<Grant> grants) =>
        grants
            .Select(grant => (grant.ResourceType, grant.ResourceId, grant.Level))
            .OrderBy(grant => grant.ResourceType).ThenBy(grant => grant.ResourceId)
            .ToList();
}
