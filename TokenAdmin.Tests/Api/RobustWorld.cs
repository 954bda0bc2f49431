using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Projects;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Api;

/// <summary>
/// What random requests aim at: the ids of every token, access and resource in the database, the caller's own
/// and another account's among them.
/// </summary>
public sealed record RobustWorld(
    int AccountId,
    int OtherAccountId,
    IReadOnlyList<int> TokenIds,
    IReadOnlyList<int> AccessIds,
    IReadOnlyList<ResourceRef> Resources)
{
    /// <summary>
    /// Arranges two accounts: the owner's with a project, a sandbox, a sending domain (and its token), an Admin
    /// token, a sandbox token and a person; and another account with its own project, sandbox and token.
    /// </summary>
    public static async Task<RobustWorld> ArrangeAsync(TestApp app)
    {
        var owner = await app.OwnerAsync();
        var sandbox = await app.NewSandboxAsync(owner);
        var (domain, _) = await app.NewDomainAsync(owner);
        await app.NewTokenAsync(owner, Unique.Name("admin"), Arrange.AccountGrant(owner, AccessLevel.Admin));
        await app.NewTokenAsync(owner, Unique.Name("sandbox"),
            new GrantRequest(ResourceRef.Sandbox(sandbox.Id), AccessLevel.Admin));
        await app.PersonAsync(new GrantRequest(ResourceRef.Project(sandbox.ProjectId), AccessLevel.Viewer).ToGrant());

        var otherAccountId = await app.NewAccountAsync();
        var other = new Actor(otherAccountId, "Other owner", UserId: null,
            [new GrantRequest(ResourceRef.Account(otherAccountId), AccessLevel.Admin).ToGrant()]);
        var projects = app.Get<ProjectService>();
        var otherProject = (await projects.CreateProjectAsync(other, Unique.Name("project"))).Value!;
        var otherSandbox = (await projects.CreateSandboxAsync(other, otherProject.Id, Unique.Name("sandbox"))).Value!;
        await app.NewTokenAsync(other, Unique.Name("other"), Arrange.AccountGrant(other, AccessLevel.Admin));

        await using var db = app.CreateDbContext();
        return new RobustWorld(
            owner.AccountId,
            otherAccountId,
            await db.ApiTokens.Select(t => t.Id).ToListAsync(),
            await db.AccountAccesses.Select(a => a.Id).ToListAsync(),
            [
                ResourceRef.Account(owner.AccountId), ResourceRef.Project(sandbox.ProjectId),
                ResourceRef.Sandbox(sandbox.Id), domain, ResourceRef.Account(otherAccountId),
                ResourceRef.Project(otherProject.Id), ResourceRef.Sandbox(otherSandbox.Id),
            ]);
    }
}
