using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Projects;
using TokenAdmin.Sandboxes;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>Sandboxes and their credentials, arranged through the app's services and read back raw.</summary>
public static class SandboxArrange
{
    /// <summary>A sandbox in a new project of its own; it comes with its first credentials.</summary>
    public static async Task<Sandbox> NewSandboxAsync(this TestApp app, Actor owner)
    {
        var (project, _) = await app.NewProjectAsync(owner);
        var outcome = await app.Get<ProjectService>()
            .CreateSandboxAsync(owner, project.Id, Unique.Name("sandbox"));
        return outcome.Value ?? throw new InvalidOperationException(outcome.Error);
    }

    /// <summary>The sandbox's current credentials and their password, as the owner reads them.</summary>
    public static async Task<(CurrentCredentials Current, string Password)> CurrentCredentialsAsync(
        this TestApp app, Actor owner, int sandboxId)
    {
        var credentials = app.Get<SandboxCredentialService>();
        var view = await credentials.GetCurrentAsync(owner, sandboxId);
        var current = view.Value?.Current ?? throw new InvalidOperationException(view.Error);
        var password = await credentials.RevealPasswordAsync(owner, current.Id);
        return (current, password.Value ?? throw new InvalidOperationException(password.Error));
    }

    /// <summary>Every stored credential of the sandbox, oldest first.</summary>
    public static async Task<List<SandboxCredential>> StoredCredentialsAsync(this TestApp app, int sandboxId)
    {
        await using var db = app.CreateDbContext();
        return await db.SandboxCredentials.AsNoTracking()
            .Where(c => c.SandboxId == sandboxId)
            .OrderBy(c => c.Id)
            .ToListAsync();
    }

    public static async Task SetExpiryAsync(this TestApp app, int credentialId, DateTimeOffset expiresAt)
    {
        await using var db = app.CreateDbContext();
        await db.SandboxCredentials
            .Where(c => c.Id == credentialId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(c => c.ExpiresAt, expiresAt));
    }

    /// <summary>The audit log's events about one sandbox, oldest first.</summary>
    public static async Task<List<string>> SandboxEventsAsync(this TestApp app, int sandboxId)
    {
        var subjectId = sandboxId.ToString();
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.AsNoTracking()
            .Where(entry => entry.SubjectType == "sandbox" && entry.SubjectId == subjectId)
            .OrderBy(entry => entry.Id)
            .Select(entry => entry.Event)
            .ToListAsync();
    }
}
