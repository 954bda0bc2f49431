using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data.PostgreSql;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Data.PostgreSql;

/// <summary>Two app nodes on their own loopback ports sharing one PostgreSQL database, as behind a balancer.</summary>
[Trait("Database", "PostgreSql")]
public sealed class TwoNodeTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private TestApp A => fixture.Cluster.A;

    private TestApp B => fixture.Cluster.B;

    [Fact]
    public async Task EitherNodeCopiesTheSecretWhenTheTokenWasCreatedOnTheOther()
    {
        var owner = await A.OwnerAsync();
        var viewer = Arrange.AccountGrant(owner, AccessLevel.Viewer);
        var fromA = await A.NewTokenAsync(owner, Unique.Name("made on A"), viewer);
        var fromB = await B.NewTokenAsync(owner, Unique.Name("made on B"), viewer);

        var copiedOnB = await B.Get<TokenService>().RevealAsync(owner, fromA.Token.Id);
        var copiedOnA = await A.Get<TokenService>().RevealAsync(owner, fromB.Token.Id);

        await using var db = (PostgreSqlDbContext)A.CreateDbContext();
        Assert.Equal(fromA.Secret, copiedOnB.Value);
        Assert.Equal(fromB.Secret, copiedOnA.Value);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.All(fixture.Cluster.Nodes, node =>
            Assert.False(Directory.Exists(Path.Combine(node.DataDirectory, "keys"))));
    }
}
