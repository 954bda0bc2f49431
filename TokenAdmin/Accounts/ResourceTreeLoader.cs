using Microsoft.EntityFrameworkCore;
using TokenAdmin.Data;

namespace TokenAdmin.Accounts;

public static class ResourceTreeLoader
{
    public static async Task<ResourceTree> LoadResourceTreeAsync(
        this AppDbContext db, int accountId, CancellationToken cancellationToken = default)
    {
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken);
        var projects = await db.Projects.AsNoTracking()
            .Where(project => project.AccountId == accountId)
            .OrderBy(project => project.Name).ThenBy(project => project.Id)
            .Select(project => new
            {
                project.Id,
                project.Name,
                Sandboxes = project.Sandboxes.OrderBy(s => s.Name).ThenBy(s => s.Id).Select(s => new { s.Id, s.Name }),
            })
            .ToListAsync(cancellationToken);
        var domains = await db.SendingDomains.AsNoTracking()
            .Where(domain => domain.AccountId == accountId)
            .OrderBy(domain => domain.Name)
            .Select(domain => new { domain.Id, domain.Name })
            .ToListAsync(cancellationToken);

        var root = ResourceRef.Account(account.Id);
        var nodes = new List<ResourceNode> { new(root, account.Name, null, 0) };
        foreach (var project in projects)
        {
            var projectRef = ResourceRef.Project(project.Id);
            nodes.Add(new ResourceNode(projectRef, project.Name, root, 1));
            nodes.AddRange(project.Sandboxes.Select(s =>
                new ResourceNode(ResourceRef.Sandbox(s.Id), s.Name, projectRef, 2)));
        }
        nodes.AddRange(domains.Select(d => new ResourceNode(ResourceRef.SendingDomain(d.Id), d.Name, root, 1)));
        return new ResourceTree(nodes);
    }
}
