using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data.PostgreSql;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Data.PostgreSql;

/// <summary>
/// Two app nodes on their own loopback ports sharing one PostgreSQL database, as behind a balancer: what one node
/// changes, the other applies within a second, even where it answered from its cache before.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed class TwoNodeTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Self = "/api/api_tokens/self";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    private TestApp A => fixture.Cluster.A;

    private TestApp B => fixture.Cluster.B;

    [Fact]
    public async Task TokenCreatedOnOneNodeAuthenticatesOnTheOther()
    {
        var token = await NewTokenAsync(A, AccessLevel.Viewer);
        using var client = B.ApiClient(token.Secret);

        var self = await client.SendGetAsync(Self);

        Assert.Equal(HttpStatusCode.OK, self.Status);
        Assert.Equal(token.Token.Id, self.Json.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task TokenDeletedOnOneNodeIsRefusedOnTheOtherWithinASecond()
    {
        var token = await NewTokenAsync(A, AccessLevel.Viewer);
        using var client = A.ApiClient(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendGetAsync(Self)).Status);
        Assert.True(A.Get<VerifiedTokenCache>().TryGet(SecretHash.Of(token.Secret), out _));

        var deleted = await B.Get<TokenService>().DeleteAsync(await B.OwnerAsync(), token.Token.Id);
        var (status, took) = await PollUntilAsync(client, HttpMethod.Get, Self, HttpStatusCode.Unauthorized);

        Assert.True(deleted.Succeeded, deleted.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(took < Bound, $"refused after {took}");
    }

    [Fact]
    public async Task ResetOnOneNodePutsTheOldSecretIntoGraceOnTheOtherWithinASecond()
    {
        var token = await NewTokenAsync(A, AccessLevel.Admin);
        using var oldClient = B.ApiClient(token.Secret);
        var missing = $"/api/api_tokens/{int.MaxValue}";
        Assert.Equal(HttpStatusCode.NotFound, (await oldClient.SendDeleteAsync(missing)).Status);

        var reset = await A.Get<TokenResetService>().ResetAsync(
            await A.OwnerAsync(), new TokenReset(token.Token.Id, TimeSpan.FromHours(12)));
        var (status, took) = await PollUntilAsync(oldClient, HttpMethod.Delete, missing, HttpStatusCode.Forbidden);

        using var newClient = B.ApiClient(reset.Value!.Secret);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.True(took < Bound, $"old secret still changed things after {took}");
        Assert.Equal(HttpStatusCode.OK, (await oldClient.SendGetAsync(Self)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await newClient.SendDeleteAsync(missing)).Status);
    }

    [Fact]
    public async Task PermissionsNarrowedOnOneNodeAreReEvaluatedOnTheOtherWithinASecond()
    {
        var owner = await A.OwnerAsync();
        var token = await NewTokenAsync(A, AccessLevel.Admin);
        using var client = B.ApiClient(token.Secret);
        Assert.Equal(100, AccessLevelOf(await client.SendGetAsync(Self)));

        var narrowed = await A.Get<TokenService>().UpdateGrantsAsync(
            owner, token.Token.Id, expectedVersion: null, [Arrange.AccountGrant(owner, AccessLevel.Viewer)]);
        var clock = Stopwatch.StartNew();
        var level = AccessLevelOf(await client.SendGetAsync(Self));
        while (level != 10 && clock.Elapsed < 5 * Bound)
        {
            // Slower than the other polls: 5 s of them must stay under the API's rate limit.
            await Task.Delay(50);
            level = AccessLevelOf(await client.SendGetAsync(Self));
        }

        Assert.True(narrowed.Succeeded, narrowed.Error);
        Assert.Equal(10, level);
        Assert.True(clock.Elapsed < Bound, $"still an admin on the other node after {clock.Elapsed}");
    }

    [Fact]
    public async Task EitherNodeCopiesTheSecretWhenTheTokenWasCreatedOnTheOther()
    {
        var owner = await A.OwnerAsync();
        var fromA = await NewTokenAsync(A, AccessLevel.Viewer);
        var fromB = await NewTokenAsync(B, AccessLevel.Viewer);

        var copiedOnB = await B.Get<TokenService>().RevealAsync(owner, fromA.Token.Id);
        var copiedOnA = await A.Get<TokenService>().RevealAsync(owner, fromB.Token.Id);

        await using var db = (PostgreSqlDbContext)A.CreateDbContext();
        Assert.Equal(fromA.Secret, copiedOnB.Value);
        Assert.Equal(fromB.Secret, copiedOnA.Value);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.All(fixture.Cluster.Nodes, node =>
            Assert.False(Directory.Exists(Path.Combine(node.DataDirectory, "keys"))));
    }

    [Fact]
    public async Task LastUsedKeepsTheLatestUseWhenTheNodesWriteOutOfOrder()
    {
        var token = await NewTokenAsync(A, AccessLevel.Viewer);
        var earlier = B.Clock.GetUtcNow();
        B.Get<TokenUsage>().Note(token.Token.Id);
        A.Clock.Advance(TimeSpan.FromSeconds(30));
        var later = A.Clock.GetUtcNow();
        A.Get<TokenUsage>().Note(token.Token.Id);

        await A.Get<TokenUsage>().FlushAsync();
        await B.Get<TokenUsage>().FlushAsync();

        await using var db = B.CreateDbContext();
        var stored = await db.ApiTokens.Where(t => t.Id == token.Token.Id).Select(t => t.LastUsedAt).SingleAsync();
        Assert.True(earlier < later);
        Assert.Equal(later, stored);
    }

    private static int AccessLevelOf(ApiAnswer self)
    {
        Assert.Equal(HttpStatusCode.OK, self.Status);
        return self.Json.GetProperty("resources")[0].GetProperty("access_level").GetInt32();
    }

    private static async Task<IssuedToken> NewTokenAsync(TestApp node, AccessLevel level)
    {
        var owner = await node.OwnerAsync();
        return await node.NewTokenAsync(owner, Unique.Name("node token"), Arrange.AccountGrant(owner, level));
    }

    /// <returns>The last status answered, and how long it took to become the wanted one (or to give up).</returns>
    private static async Task<(HttpStatusCode Status, TimeSpan Took)> PollUntilAsync(
        HttpClient client, HttpMethod method, string path, HttpStatusCode wanted)
    {
        var clock = Stopwatch.StartNew();
        var status = (await client.CallAsync(method, path)).Status;
        while (status != wanted && clock.Elapsed < 5 * Bound)
        {
            await Task.Delay(10);
            status = (await client.CallAsync(method, path)).Status;
        }
        return (status, clock.Elapsed);
    }
}
