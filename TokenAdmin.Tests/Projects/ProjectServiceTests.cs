using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TokenAdmin.Accounts;
using TokenAdmin.People;
using TokenAdmin.Projects;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Projects;

public sealed class ProjectServiceTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private readonly TestApp _app = fixture.App;

    private ProjectService Projects => _app.Services.GetRequiredService<ProjectService>();

    [Fact]
    public async Task CreatingProjectIsRefusedWhenPersonIsOnlyViewer()
    {
        var viewer = await PersonWithAsync(ResourceType.Account, await _app.AccountIdAsync(), AccessLevel.Viewer);
        var name = TestData.UniqueName("Refused");

        var outcome = await Projects.CreateProjectAsync(viewer, name);

        Assert.Equal((null, Refusals.NotAllowed), (outcome.Value, outcome.Error));
        await using var db = _app.CreateDbContext();
        Assert.False(await db.Projects.AnyAsync(p => p.Name == name));
    }

    [Fact]
    public async Task RenamingProjectIsRefusedWhenPersonIsOnlyViewer()
    {
        var name = TestData.UniqueName("Kept");
        var project = await _app.AddProjectAsync(name);
        var viewer = await PersonWithAsync(ResourceType.Account, project.AccountId, AccessLevel.Viewer);

        var outcome = await Projects.RenameProjectAsync(viewer, project.Id, TestData.UniqueName("Renamed"));

        Assert.Equal(Refusals.NotAllowed, outcome.Error);
        Assert.Equal(name, await ProjectNameAsync(project.Id));
    }

    [Fact]
    public async Task DeletingProjectIsRefusedWhenPersonIsOnlyViewer()
    {
        var name = TestData.UniqueName("Kept");
        var project = await _app.AddProjectAsync(name, "staging");
        var viewer = await PersonWithAsync(ResourceType.Account, project.AccountId, AccessLevel.Viewer);

        var outcome = await Projects.DeleteProjectAsync(viewer, project.Id);

        Assert.Equal(Refusals.NotAllowed, outcome.Error);
        Assert.Equal(name, await ProjectNameAsync(project.Id));
        await using var db = _app.CreateDbContext();
        var sandboxes = await db.Sandboxes.Where(s => s.ProjectId == project.Id).Select(s => s.Name).ToListAsync();
        Assert.Equal(["staging"], sandboxes);
    }

    [Fact]
    public async Task SandboxIsAddedWhenPersonIsAdminOfItsProject()
    {
        var project = await _app.AddProjectAsync(TestData.UniqueName("Granted"));
        var admin = await PersonWithAsync(ResourceType.Project, project.Id, AccessLevel.Admin);

        var outcome = await Projects.CreateSandboxAsync(admin, project.Id, "  staging  ");

        Assert.Null(outcome.Error);
        Assert.Equal((project.Id, "staging"), (outcome.Value!.ProjectId, outcome.Value.Name));
        await using var db = _app.CreateDbContext();
        var stored = await db.Sandboxes.SingleAsync(s => s.ProjectId == project.Id);
        Assert.Equal((outcome.Value.Id, "staging"), (stored.Id, stored.Name));
    }

    [Fact]
    public async Task RenamingAnotherProjectIsRefusedWhenPersonIsAdminOfOneProject()
    {
        var granted = await _app.AddProjectAsync(TestData.UniqueName("Granted"));
        var otherName = TestData.UniqueName("Other");
        var other = await _app.AddProjectAsync(otherName);
        var admin = await PersonWithAsync(ResourceType.Project, granted.Id, AccessLevel.Admin);

        var outcome = await Projects.RenameProjectAsync(admin, other.Id, TestData.UniqueName("Renamed"));

        Assert.Equal(Refusals.NotAllowed, outcome.Error);
        Assert.Equal(otherName, await ProjectNameAsync(other.Id));
    }

    private async Task<Actor> PersonWithAsync(ResourceType type, int resourceId, AccessLevel level)
    {
        var email = $"{TestData.UniqueName("person")}@example.test";
        var grant = new Grant { ResourceType = type, ResourceId = resourceId, Level = level };
        var user = await _app.AddPersonAsync(email, "Person-pass-1", grant);

        await using var db = _app.CreateDbContext();
        var actor = await db.LoadPersonAsync(user.Id);
        Assert.NotNull(actor);
        return actor;
    }

    private async Task<string> ProjectNameAsync(int projectId)
    {
        await using var db = _app.CreateDbContext();
        return await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync();
    }
}
