using System.Net;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Tests.Api;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Hardening;

/// <summary>
/// Issue 7, over the API: two tokens change one holder's permissions at the same moment. The bulk call names
/// single grants, so the API applies both: for a token, the one that loses the race is applied again to what
/// won (see AccountAccessService.ChangeGrantsAsync); for a person, each is applied inside its write. No change
/// may be lost, and each audited change starts from the state the previous one left.
/// </summary>
public sealed class ConcurrentPermissionApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const int Rounds = 20;

    private TestApp App => fixture.App;

    [Fact]
    public async Task BothChangesAreKeptWhenTwoTokensChangeDifferentGrantsAtOnce()
    {
        var owner = await fixture.OwnerAsync();
        var (kept, _) = await App.NewProjectAsync(owner);
        var (first, _) = await App.NewProjectAsync(owner);
        var (second, _) = await App.NewProjectAsync(owner);
        var (_, firstAdmin) = await fixture.CallerAsync();
        var (_, secondAdmin) = await fixture.CallerAsync();

        for (var round = 0; round < Rounds; round++)
        {
            var target = await App.NewTokenAsync(owner, Unique.Name("shared"),
                new GrantRequest(kept, AccessLevel.Viewer));
            var accessId = await App.TokenAccessIdAsync(target.Token.Id);

            var answers = await Task.WhenAll(
                Task.Run(() => ChangeAsync(firstAdmin, accessId, Set(first, "admin"))),
                Task.Run(() => ChangeAsync(secondAdmin, accessId, Set(second, "viewer"))));

            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
            Assert.Equal(
                [
                    (ResourceType.Project, kept.Id, AccessLevel.Viewer),
                    (ResourceType.Project, first.Id, AccessLevel.Admin),
                    (ResourceType.Project, second.Id, AccessLevel.Viewer),
                ],
                await StoredGrantsAsync(accessId));
            await AssertChainedChangesAsync(target.Token.Id, count: 2);
        }
    }

    [Fact]
    public async Task BothChangesAreAppliedInTurnWhenTwoTokensChangeTheSameGrantAtOnce()
    {
        var owner = await fixture.OwnerAsync();
        var (kept, _) = await App.NewProjectAsync(owner);
        var (contested, _) = await App.NewProjectAsync(owner);
        var (_, raising) = await fixture.CallerAsync();
        var (_, removing) = await fixture.CallerAsync();
        var keptGrant = (ResourceType.Project, kept.Id, AccessLevel.Viewer);

        for (var round = 0; round < Rounds; round++)
        {
            var target = await App.NewTokenAsync(owner, Unique.Name("contested"),
                new GrantRequest(kept, AccessLevel.Viewer), new GrantRequest(contested, AccessLevel.Viewer));
            var accessId = await App.TokenAccessIdAsync(target.Token.Id);

            var answers = await Task.WhenAll(
                Task.Run(() => ChangeAsync(raising, accessId, Set(contested, "admin"))),
                Task.Run(() => ChangeAsync(removing, accessId, Destroy(contested))));

            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
            var stored = await StoredGrantsAsync(accessId);
            // Applied in turn, the later change decides: raised last, or removed last.
            var raisedLast = stored.SequenceEqual([keptGrant, (ResourceType.Project, contested.Id, AccessLevel.Admin)]);
            var removedLast = stored.SequenceEqual([keptGrant]);
            Assert.True(raisedLast || removedLast, string.Join(", ", stored));
            await AssertChainedChangesAsync(target.Token.Id, count: 2);
        }
    }

    [Fact]
    public async Task BothChangesAreKeptWhenTwoTokensChangeDifferentGrantsOfAPersonAtOnce()
    {
        var owner = await fixture.OwnerAsync();
        var (kept, _) = await App.NewProjectAsync(owner);
        var (first, _) = await App.NewProjectAsync(owner);
        var (second, _) = await App.NewProjectAsync(owner);
        var (_, firstAdmin) = await fixture.CallerAsync();
        var (_, secondAdmin) = await fixture.CallerAsync();

        for (var round = 0; round < Rounds; round++)
        {
            var person = await App.PersonAsync(Grants.Of(kept, AccessLevel.Viewer));
            var accessId = await App.PersonAccessIdAsync(person.UserId!);

            var answers = await Task.WhenAll(
                Task.Run(() => ChangeAsync(firstAdmin, accessId, Set(first, "admin"))),
                Task.Run(() => ChangeAsync(secondAdmin, accessId, Set(second, "viewer"))));

            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
            Assert.Equal(
                [
                    (ResourceType.Project, kept.Id, AccessLevel.Viewer),
                    (ResourceType.Project, first.Id, AccessLevel.Admin),
                    (ResourceType.Project, second.Id, AccessLevel.Viewer),
                ],
                await StoredGrantsAsync(accessId));
        }
    }

    private static Task<ApiAnswer> ChangeAsync(HttpClient client, int accessId, string permission) => client
        .SendPutAsync($"/api/account_accesses/{accessId}/permissions/bulk", $"{{\"permissions\":[{permission}]}}");

    private static string Set(ResourceRef project, string level) =>
        $"{{\"resource_type\":\"project\",\"resource_id\":{project.Id},\"access_level\":\"{level}\"}}";

    private static string Destroy(ResourceRef project) =>
        $"{{\"resource_type\":\"project\",\"resource_id\":{project.Id},\"_destroy\":true}}";

    private async Task<List<(ResourceType Type, int Id, AccessLevel Level)>> StoredGrantsAsync(int accessId)
    {
        await using var db = App.CreateDbContext();
        return (await db.Grants.AsNoTracking().Where(g => g.AccountAccessId == accessId).ToListAsync()).AsTriples();
    }

    /// <summary>
    /// The token's audited permission changes, each starting from what the one before left: a change computed
    /// from grants read before another change landed would start from an older state.
    /// </summary>
    private async Task AssertChainedChangesAsync(int tokenId, int count)
    {
        await using var db = App.CreateDbContext();
        var subjectId = tokenId.ToString();
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == subjectId && e.Event == AuditEvents.TokenPermissionsChanged)
            .OrderBy(e => e.Id)
            .Select(e => e.Change)
            .ToListAsync();

        Assert.Equal(count, changes.Count);
        var steps = changes
            .Select(change => change.Split(" → "))
            .Select(parts => (Before: GrantsIn(parts[0]), After: GrantsIn(parts[1])))
            .ToList();
        for (var i = 1; i < steps.Count; i++)
            Assert.Equal(steps[i - 1].After, steps[i].Before);
    }

    private static List<string> GrantsIn(string described) => [.. described.Split(", ").Order()];
}
