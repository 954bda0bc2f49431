using Microsoft.EntityFrameworkCore;
using TokenAdmin.Projects;
using TokenAdmin.SendingDomains;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>Puts resources straight into a test app's database, so tests arrange without clicking.</summary>
public static class TestData
{
    /// <summary>A name no other test uses, so tests sharing one app do not see each other's rows.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    public static async Task<int> AccountIdAsync(this TestApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Accounts.Select(account => account.Id).SingleAsync();
    }

    public static async Task<Project> AddProjectAsync(this TestApp app, string name, params string[] sandboxNames)
    {
        var now = app.Clock.GetUtcNow();
        var project = new Project
        {
            AccountId = await app.AccountIdAsync(),
            Name = name,
            CreatedAt = now,
            Sandboxes = [.. sandboxNames.Select(sandbox => new Sandbox { Name = sandbox, CreatedAt = now })],
        };

        await using var db = app.CreateDbContext();
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project;
    }

    public static async Task<SendingDomain> AddDomainAsync(this TestApp app, string name)
    {
        var domain = new SendingDomain
        {
            AccountId = await app.AccountIdAsync(),
            Name = name,
            CreatedAt = app.Clock.GetUtcNow(),
        };

        await using var db = app.CreateDbContext();
        db.SendingDomains.Add(domain);
        await db.SaveChangesAsync();
        return domain;
    }
}
