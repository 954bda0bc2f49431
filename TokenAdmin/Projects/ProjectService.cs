using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;
using TokenAdmin.Sandboxes;
using TokenAdmin.Tokens;

namespace TokenAdmin.Projects;

public sealed class ProjectService(
    IDbContextFactory<AppDbContext> dbFactory,
    SandboxCredentialIssuer credentialIssuer,
    VerifiedTokenCache verifiedTokens,
    TimeProvider clock,
    ILogger<ProjectService> logger)
{
    public async Task<Outcome<Project>> CreateProjectAsync(Actor actor, string name, CancellationToken ct = default)
    {
        if (ResourceNames.Validate(name) is { } invalid)
            return Outcome<Project>.Fail(invalid);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await db.LoadAccessAsync(actor, ct);
        if (!access.Has(AccessLevel.Admin, ResourceRef.Account(actor.AccountId)))
            return Outcome<Project>.Fail(Refusals.NotAllowed, RefusalKind.Forbidden);

        var project = new Project { AccountId = actor.AccountId, Name = name.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Project {ProjectId} created in account {AccountId}", project.Id, actor.AccountId);
        return Outcome<Project>.Success(project);
    }

    public async Task<Outcome> RenameProjectAsync(
        Actor actor, int projectId, string name, CancellationToken ct = default)
    {
        if (ResourceNames.Validate(name) is { } invalid)
            return Outcome.Fail(invalid);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var project = await db.Projects
            .SingleOrDefaultAsync(p => p.Id == projectId && p.AccountId == actor.AccountId, ct);
        if (await RefuseAsync(db, actor, project is null ? null : ResourceRef.Project(projectId), ct) is { } refused)
            return refused;

        project!.Name = name.Trim();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Project {ProjectId} renamed", projectId);
        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteProjectAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var project = await db.Projects.Include(p => p.Sandboxes)
            .SingleOrDefaultAsync(p => p.Id == projectId && p.AccountId == actor.AccountId, ct);
        if (await RefuseAsync(db, actor, project is null ? null : ResourceRef.Project(projectId), ct) is { } refused)
            return refused;

        var removed = project!.Sandboxes.Select(s => ResourceRef.Sandbox(s.Id)).Append(ResourceRef.Project(projectId));
        await db.RemoveGrantsOnAsync(removed.ToList(), ct);
        db.Projects.Remove(project);
        db.RecordAllTokensChanged(clock.GetUtcNow());
        await DeleteOrphanedTokensAsync(db, actor, "Left without permissions by a project delete", ct);
        await transaction.CommitAsync(ct);
        verifiedTokens.Clear();
        logger.LogInformation(
            "Project {ProjectId} deleted with {SandboxCount} sandboxes", projectId, project.Sandboxes.Count);
        return Outcome.Ok;
    }

    public async Task<Outcome<Sandbox>> CreateSandboxAsync(
        Actor actor, int projectId, string name, CancellationToken ct = default)
    {
        if (ResourceNames.Validate(name) is { } invalid)
            return Outcome<Sandbox>.Fail(invalid);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var exists = await db.Projects.AnyAsync(p => p.Id == projectId && p.AccountId == actor.AccountId, ct);
        if (await RefuseAsync(db, actor, exists ? ResourceRef.Project(projectId) : null, ct) is { } refused)
            return Outcome<Sandbox>.Refused(refused);

        var now = clock.GetUtcNow();
        var sandbox = new Sandbox { ProjectId = projectId, Name = name.Trim(), CreatedAt = now };
        var credential = credentialIssuer.Issue(now).Credential;
        credential.Sandbox = sandbox;
        db.SandboxCredentials.Add(credential);
        await db.SaveChangesAsync(ct);
        db.Record(actor, now, AuditEvents.SandboxCredentialsCreated, Subject.Sandbox(sandbox.Id, sandbox.Name),
            $"Password …{credential.Last4}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Sandbox {SandboxId} created in project {ProjectId} with credentials {CredentialId}",
            sandbox.Id, projectId, credential.Id);
        return Outcome<Sandbox>.Success(sandbox);
    }

    public async Task<Outcome> RenameSandboxAsync(
        Actor actor, int sandboxId, string name, CancellationToken ct = default)
    {
        if (ResourceNames.Validate(name) is { } invalid)
            return Outcome.Fail(invalid);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sandbox = await FindSandboxAsync(db, actor, sandboxId, ct);
        if (await RefuseAsync(db, actor, sandbox is null ? null : ResourceRef.Sandbox(sandboxId), ct) is { } refused)
            return refused;

        sandbox!.Name = name.Trim();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Sandbox {SandboxId} renamed", sandboxId);
        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteSandboxAsync(Actor actor, int sandboxId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var sandbox = await FindSandboxAsync(db, actor, sandboxId, ct);
        if (await RefuseAsync(db, actor, sandbox is null ? null : ResourceRef.Sandbox(sandboxId), ct) is { } refused)
            return refused;

        await db.RemoveGrantsOnAsync([ResourceRef.Sandbox(sandboxId)], ct);
        db.Sandboxes.Remove(sandbox!);
        db.RecordAllTokensChanged(clock.GetUtcNow());
        await DeleteOrphanedTokensAsync(db, actor, "Left without permissions by a sandbox delete", ct);
        await transaction.CommitAsync(ct);
        verifiedTokens.Clear();
        logger.LogInformation("Sandbox {SandboxId} deleted", sandboxId);
        return Outcome.Ok;
    }

    private async Task DeleteOrphanedTokensAsync(AppDbContext db, Actor actor, string reason, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await db.DeleteTokensWithoutGrantsAsync(actor, clock.GetUtcNow(), reason, ct);
        await db.SaveChangesAsync(ct);
    }

    private static Task<Sandbox?> FindSandboxAsync(AppDbContext db, Actor actor, int sandboxId, CancellationToken ct) =>
        db.Sandboxes.SingleOrDefaultAsync(s => s.Id == sandboxId && s.Project!.AccountId == actor.AccountId, ct);

    /// <returns>
    /// A refusal when the resource is gone or the actor lacks Admin on it; null when the change may go on.
    /// </returns>
    private static async Task<Outcome?> RefuseAsync(
        AppDbContext db, Actor actor, ResourceRef? resource, CancellationToken ct)
    {
        if (resource is null)
            return Outcome.Fail(Refusals.NotFound, RefusalKind.NotFound);

        var access = await db.LoadAccessAsync(actor, ct);
        return access.Has(AccessLevel.Admin, resource.Value)
            ? null
            : Outcome.Fail(Refusals.NotAllowed, RefusalKind.Forbidden);
    }
}
