using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Api;

/// <summary>
/// Property: whatever a client sends to a write endpoint, the answer is one of the contract's errors (never a
/// 5xx, never a success for a Viewer) and the database is as it was.
/// </summary>
public sealed class RobustInputTests(RobustInputFixture fixture) : IClassFixture<RobustInputFixture>
{
    private const int RequestsPerEndpoint = 400;

    // Fixed so that a failure replays exactly; set TOKENADMIN_ROBUST_SEED to explore other sequences.
    private static readonly int Seed =
        int.TryParse(Environment.GetEnvironmentVariable("TOKENADMIN_ROBUST_SEED"), out var seed) ? seed : 20261204;

    [Theory]
    [InlineData(WriteEndpoint.CreateToken, new[] { 400, 401, 403, 422 })]
    [InlineData(WriteEndpoint.ResetToken, new[] { 400, 401, 403, 404, 422 })]
    [InlineData(WriteEndpoint.DeleteToken, new[] { 401, 403, 404 })]
    [InlineData(WriteEndpoint.ChangePermissions, new[] { 400, 401, 403, 404, 422 })]
    [InlineData(WriteEndpoint.DeleteAccess, new[] { 401, 403, 404 })]
    public async Task RandomAndMalformedWritesGetContractErrorsAndChangeNothing(
        WriteEndpoint endpoint, int[] statusesToReach)
    {
        var before = await DatabaseSnapshot.TakeAsync(fixture.App);
        var random = new Random(Seed + (int)endpoint);
        var requests = new RandomRequests(random, fixture.World, fixture.App.Clock.GetUtcNow());

        var (problems, statuses) = await SendAllAsync(endpoint, requests);
        var after = await DatabaseSnapshot.TakeAsync(fixture.App);

        var replay = $"seed {Seed}, {endpoint}";
        Assert.True(problems.Count == 0,
            $"{replay}: {problems.Count} answers break the contract:\n{string.Join("\n", problems.Take(8))}");
        Assert.True(before.Tokens.SequenceEqual(after.Tokens), $"{replay}: tokens changed");
        Assert.True(before.Grants.SequenceEqual(after.Grants), $"{replay}: grants changed");
        Assert.True(before.Accesses.SequenceEqual(after.Accesses), $"{replay}: account accesses changed");
        Assert.True(before.AuditEntries == after.AuditEntries, $"{replay}: audit entries were added");
        Assert.True(statuses.IsSupersetOf(statusesToReach),
            $"{replay}: the random requests reached only {string.Join(", ", statuses)}");
    }

    private async Task<(List<string> Problems, SortedSet<int> Statuses)> SendAllAsync(
        WriteEndpoint endpoint, RandomRequests requests)
    {
        var problems = new List<string>();
        var statuses = new SortedSet<int>();
        for (var i = 0; i < RequestsPerEndpoint; i++)
        {
            var request = requests.Next(endpoint);
            try
            {
                var answer = await fixture.SendAsync(request);
                statuses.Add((int)answer.Status);
                if (ContractErrors.Problem(answer) is { } problem)
                    problems.Add($"#{i} {request}\n  -> {Excerpt(answer.ToString())}: {problem}");
            }
            catch (HttpRequestException error)
            {
                problems.Add($"#{i} {request}\n  -> no answer: {error.Message}");
            }
        }
        return (problems, statuses);
    }

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
