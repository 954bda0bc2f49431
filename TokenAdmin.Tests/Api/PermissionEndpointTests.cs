using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.People;
using TokenAdmin.Projects;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;
public sealed class PermissionEndpointTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private TestApp App => fixture.App;

    [Theory]
    [InlineData(ApiPaths.Long)]
    [InlineData(ApiPaths.Short)]
    public async Task ResourcesOfAnAccountAdminAreTheWholeTreeWithTheCallersLevels(string form)
    {
        await using var app = new TestApp();
        var owner = await app.OwnerAsync();
        var (project, projectName) = await app.NewProjectAsync(owner);
        var sandbox = (await app.Get<ProjectService>().CreateSandboxAsync(owner, project.Id, "Inbox one")).Value!;
        var (domain, domainName) = await app.NewDomainAsync(owner);
        var token = await app.NewTokenAsync(owner, "admin", Arrange.AccountGrant(owner, AccessLevel.Admin));
        using var client = app.ApiClient(token.Secret);

        var answer = await client.SendGetAsync(ApiPaths.For(form, owner.AccountId, "permissions/resources"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var expected = $$"""
            [{"id":{{owner.AccountId}},"name":"Account","type":"account","access_level":100,"resources":[
              {"id":{{project.Id}},"name":"{{projectName}}","type":"project","access_level":100,"resources":[
                {"id":{{sandbox.Id}},"name":"Inbox one","type":"inbox","access_level":100,"resources":[]}]},
              {"id":{{domain.Id}},"name":"{{domainName}}","type":"sending_domain","access_level":100,"resources":[]}]}]
            """;
        Assert.Equal(Compact(expected), answer.Body);
    }

    [Fact]
    public async Task ResourcesOfAProjectAdminStartAtTheProjectAndAViewerAdministersNothing()
    {
        var owner = await fixture.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var (_, projectAdmin) = await fixture.CallerAsync(new GrantRequest(project, AccessLevel.Admin));
        var (_, viewer) = await fixture.CallerAsync(Arrange.AccountGrant(owner, AccessLevel.Viewer));

        var adminTree = await projectAdmin.SendGetAsync("/api/permissions/resources");
        var viewerTree = await viewer.SendGetAsync("/api/permissions/resources");

        var root = Assert.Single(adminTree.Json.EnumerateArray());
        Assert.Equal(project.Id, root.GetProperty("id").GetInt32());
        Assert.Equal("project", root.GetProperty("type").GetString());
        Assert.Equal("[]", viewerTree.Body);
    }

    [Theory]
    [InlineData(ApiPaths.Long)]
    [InlineData(ApiPaths.Short)]
    public async Task BulkUpdateUpsertsAndDestroysSinglePermissions(string form)
    {
        var owner = await fixture.OwnerAsync();
        var (projectA, _) = await App.NewProjectAsync(owner);
        var (projectB, _) = await App.NewProjectAsync(owner);
        var (admin, client) = await fixture.CallerAsync();
        var target = await App.NewTokenAsync(owner, "target", new GrantRequest(projectA, AccessLevel.Viewer));
        var accessId = await App.TokenAccessIdAsync(target.Token.Id);
        var body = ApiCalls.Json(new
        {
            permissions = new object[]
            {
                new { resource_type = "project", resource_id = projectB.Id.ToString(), access_level = "admin" },
                new { resource_type = "project", resource_id = projectA.Id, _destroy = true },
            },
        });

        var answer = await client.SendPutAsync(
            ApiPaths.For(form, admin.Token.AccountId, $"account_accesses/{accessId}/permissions/bulk"), body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("""{"message":"Permissions have been updated!"}""", answer.Body);
        Assert.Equal([(ResourceType.Project, projectB.Id, AccessLevel.Admin)], await GrantsAsync(target.Token.Id));
    }

    [Fact]
    public async Task BulkUpdateThatWouldEscalateIs403AndChangesNothing()
    {
        var owner = await fixture.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var (_, client) = await fixture.CallerAsync(new GrantRequest(project, AccessLevel.Admin));
        var target = await App.NewTokenAsync(owner, "target", new GrantRequest(project, AccessLevel.Viewer));
        var body = ApiCalls.Json(new
        {
            permissions = new[]
            {
                new { resource_type = "account", resource_id = owner.AccountId, access_level = 100 },
            },
        });

        var answer = await client.SendPutAsync(
            $"/api/account_accesses/{await App.TokenAccessIdAsync(target.Token.Id)}/permissions/bulk", body);

        Assert.True(HttpStatusCode.Forbidden == answer.Status, answer.ToString());
        Assert.Equal([(ResourceType.Project, project.Id, AccessLevel.Viewer)], await GrantsAsync(target.Token.Id));
    }

    [Fact]
    public async Task BulkUpdateThatLeavesNoPermissionIs422AndUnknownAccessIs404()
    {
        var owner = await fixture.OwnerAsync();
        var (_, client) = await fixture.CallerAsync();
        var target = await App.NewTokenAsync(owner, "target", Arrange.AccountGrant(owner, AccessLevel.Viewer));
        var destroyAll = ApiCalls.Json(new
        {
            permissions = new[] { new { resource_type = "account", resource_id = owner.AccountId, _destroy = true } },
        });

        var emptied = await client.SendPutAsync(
            $"/api/account_accesses/{await App.TokenAccessIdAsync(target.Token.Id)}/permissions/bulk", destroyAll);
        var unknown = await client.SendPutAsync("/api/account_accesses/987654/permissions/bulk", destroyAll);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptied.Status);
        Assert.Equal($$$"""{"errors":{"base":["{{{GrantValidation.NoneChosen}}}"]}}""", emptied.Body);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(
            [(ResourceType.Account, owner.AccountId, AccessLevel.Viewer)], await GrantsAsync(target.Token.Id));
    }


    [Fact]
    public async Task BulkUpdateOfAPersonsAccessObeysNoEscalation()
    {
        var owner = await fixture.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var person = await App.PersonAsync(new Grant
        {
            ResourceType = project.Type, ResourceId = project.Id, Level = AccessLevel.Viewer,
        });
        var (_, client) = await fixture.CallerAsync(new GrantRequest(project, AccessLevel.Admin));
        await using var db = App.CreateDbContext();
        var accessId = await db.AccountAccesses.Where(a => a.UserId == person.UserId).Select(a => a.Id).SingleAsync();
        var path = $"/api/account_accesses/{accessId}/permissions/bulk";

        var escalate = await client.SendPutAsync(path, Permission("account", owner.AccountId, "admin"));
        var within = await client.SendPutAsync(path, Permission("project", project.Id, "admin"));

        Assert.Equal(HttpStatusCode.Forbidden, escalate.Status);
        Assert.Equal(HttpStatusCode.OK, within.Status);
        var grants = await db.Grants.AsNoTracking().Where(g => g.AccountAccessId == accessId).ToListAsync();
        Assert.Equal([(ResourceType.Project, project.Id, AccessLevel.Admin)], grants.AsTriples());
    }

    private static string Permission(string type, int id, string level) => ApiCalls.Json(new
    {
        permissions = new[] { new { resource_type = type, resource_id = id, access_level = level } },
    });

    private async Task<List<(ResourceType, int, AccessLevel)>> GrantsAsync(int tokenId)
    {
        await using var db = App.CreateDbContext();
        var grants = await db.Grants.Where(g => db.AccountAccesses
            .Any(a => a.Id == g.AccountAccessId && a.ApiTokenId == tokenId)).ToListAsync();
        return grants.AsTriples();
    }

    private static string Compact(string json) => string.Concat(json.Split('\n').Select(line => line.Trim()));
}
