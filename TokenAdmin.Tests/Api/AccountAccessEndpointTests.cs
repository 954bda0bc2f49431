using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.People;
using TokenAdmin.Projects;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;
public sealed class AccountAccessEndpointTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private TestApp App => fixture.App;

    [Theory]
    [InlineData(ApiPaths.Long)]
    [InlineData(ApiPaths.Short)]
    public async Task AccountAccessesListPeopleAndTokensWithTheContractShapes(string form)
    {
        var owner = await fixture.OwnerAsync();
        var (caller, client) = await fixture.CallerAsync();

        var answer = await client.SendGetAsync(ApiPaths.For(form, owner.AccountId, "account_accesses"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var accesses = answer.Json.EnumerateArray().ToList();
        var token = accesses.Single(a => Specifier(a, "ApiToken")?.GetProperty("id").GetInt32() == caller.Token.Id);
        Assert.Equal(
            ["id", "permissions", "resources", "specifier", "specifier_type"],
            token.EnumerateObject().Select(p => p.Name).Order());
        var tokenSpecifier = token.GetProperty("specifier");
        Assert.Equal(caller.Token.Name, tokenSpecifier.GetProperty("name").GetString());
        Assert.Equal(caller.Token.CreatedByName, tokenSpecifier.GetProperty("author_name").GetString());
        Assert.Equal($"tadm_…{caller.Token.Last4}", tokenSpecifier.GetProperty("token").GetString());
        Assert.Equal(JsonValueKind.Null, tokenSpecifier.GetProperty("expires_at").ValueKind);
        Assert.Equal(
            """{"can_read":true,"can_update":true,"can_destroy":true,"can_leave":true}""",
            token.GetProperty("permissions").GetRawText());
        var person = accesses.Single(a => Specifier(a, "User")?.GetProperty("email").GetString() == TestApp.OwnerEmail);
        Assert.Equal(
            ["email", "id", "name", "two_factor_authentication_enabled"],
            person.GetProperty("specifier").EnumerateObject().Select(p => p.Name).Order());
        Assert.False(person.GetProperty("permissions").GetProperty("can_destroy").GetBoolean());
        Assert.DoesNotContain(caller.Secret, answer.Body);
    }

    [Theory]
    [InlineData("project_ids[]={project}")]
    [InlineData("project_ids={project},{other}")]
    [InlineData("project_ids={other}&project_ids={project}")]
    [InlineData("inbox_ids[]={sandbox}")]
    [InlineData("sandbox_ids={sandbox}")]
    public async Task AccountAccessFiltersKeepHoldersReachingTheNamedResources(string filter)
    {
        var owner = await fixture.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var (other, _) = await App.NewProjectAsync(owner);
        var sandbox = (await App.Get<ProjectService>().CreateSandboxAsync(owner, project.Id, "s")).Value!;
        var inside = await App.NewTokenAsync(owner, "inside", new GrantRequest(project, AccessLevel.Viewer));
        var outside = await App.NewTokenAsync(owner, "outside", new GrantRequest(other, AccessLevel.Viewer));
        var (caller, client) = await fixture.CallerAsync();
        var query = filter.Replace("{project}", project.Id.ToString()).Replace("{other}", "999999")
            .Replace("{sandbox}", sandbox.Id.ToString());

        var answer = await client.SendGetAsync($"/api/account_accesses?{query}");

        var tokenIds = TokenIds(answer);
        Assert.Contains(inside.Token.Id, tokenIds);
        Assert.Contains(caller.Token.Id, tokenIds);
        Assert.DoesNotContain(outside.Token.Id, tokenIds);
    }

    [Fact]
    public async Task DomainFilterAndAFilterOfNoValidIdsMatchAccordingly()
    {
        var owner = await fixture.OwnerAsync();
        var (domain, _) = await App.NewDomainAsync(owner);
        var (_, client) = await fixture.CallerAsync();

        var byDomain = await client.SendGetAsync($"/api/account_accesses?domain_ids[]={domain.Id}");
        var byNothing = await client.SendGetAsync("/api/account_accesses?project_ids=abc");

        Assert.Contains(await App.DomainTokenIdAsync(domain), TokenIds(byDomain));
        Assert.Equal("[]", byNothing.Body);
    }

    [Fact]
    public async Task DeletingATokenAccessAnswersItsIdAndDeletesTheToken()
    {
        var owner = await fixture.OwnerAsync();
        var (caller, client) = await fixture.CallerAsync();
        var target = await App.NewTokenAsync(owner, "target", Arrange.AccountGrant(owner, AccessLevel.Viewer));
        var accessId = await App.TokenAccessIdAsync(target.Token.Id);

        var answer = await client.SendDeleteAsync(
            ApiPaths.For(ApiPaths.Long, caller.Token.AccountId, $"account_accesses/{accessId}"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal($$"""{"id":{{accessId}}}""", answer.Body);
        Assert.Null(await App.Get<TokenVerifier>().VerifyAsync(target.Secret));
    }

    [Fact]
    public async Task ATokenCannotRemoveTheOwner()
    {
        var owner = await fixture.OwnerAsync();
        var (_, client) = await fixture.CallerAsync();
        var ownerAccess = await App.PersonAccessIdAsync(owner.UserId!);

        var answer = await client.SendDeleteAsync($"/api/account_accesses/{ownerAccess}");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        await using var db = App.CreateDbContext();
        Assert.True(await db.AccountAccesses.AnyAsync(a => a.Id == ownerAccess));
    }

    [Fact]
    public async Task AccountAccessesShowAPendingInvitationAsAnInviteAndAnAcceptedOneAsAUser()
    {
        var owner = await fixture.OwnerAsync();
        var (_, client) = await fixture.CallerAsync();
        var email = $"{Unique.Name("invitee")}@example.test";
        var invited = await App.Get<PeopleService>().InviteAsync(
            owner, new NewPerson(email, "Ina", [Arrange.AccountGrant(owner, AccessLevel.Viewer)]));

        var pending = await client.SendGetAsync("/api/account_accesses");
        await App.Get<InvitationService>().AcceptAsync(invited.Value!.Secret, "Ina-pass-123");
        var accepted = await client.SendGetAsync("/api/account_accesses");

        var invite = ByEmail(pending, email);
        Assert.Equal("Invite", invite.GetProperty("specifier_type").GetString());
        Assert.Equal(invited.Value.Invitation.Id, invite.GetProperty("specifier").GetProperty("id").GetInt32());
        Assert.Equal("User", ByEmail(accepted, email).GetProperty("specifier_type").GetString());
        Assert.DoesNotContain(invited.Value.Secret, pending.Body);
    }


    [Fact]
    public async Task AccountsListsTheTokensAccountWithItsLevels()
    {
        var owner = await fixture.OwnerAsync();
        var (project, _) = await App.NewProjectAsync(owner);
        var (_, client) = await fixture.CallerAsync(
            Arrange.AccountGrant(owner, AccessLevel.Viewer), new GrantRequest(project, AccessLevel.Admin));

        var answer = await client.SendGetAsync("/api/accounts");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal($$"""[{"id":{{owner.AccountId}},"name":"Test account","access_levels":[100,10]}]""", answer.Body);
    }

    private static JsonElement ByEmail(ApiAnswer answer, string email) => answer.Json.EnumerateArray()
        .Single(a => a.GetProperty("specifier").TryGetProperty("email", out var e) && e.GetString() == email);

    private static JsonElement? Specifier(JsonElement access, string type) =>
        access.GetProperty("specifier_type").GetString() == type ? access.GetProperty("specifier") : null;

    private static List<int> TokenIds(ApiAnswer answer) =>
        [.. answer.Json.EnumerateArray()
            .Where(a => a.GetProperty("specifier_type").GetString() == "ApiToken")
            .Select(a => a.GetProperty("specifier").GetProperty("id").GetInt32())];
}
