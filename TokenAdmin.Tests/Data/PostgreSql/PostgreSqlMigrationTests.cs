using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TokenAdmin.Accounts;
using TokenAdmin.Data;
using TokenAdmin.Data.PostgreSql;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Data.PostgreSql;

[Trait("Database", "PostgreSql")]
public sealed class PostgreSqlMigrationTests
{
    [Fact]
    public async Task EveryPostgreSqlMigrationIsAppliedWhenTheAppStartsOnAnEmptyDatabase()
    {
        await using var app = new TestApp(postgreSql: true);

        await using var db = app.CreateDbContext();
        Assert.IsType<PostgreSqlDbContext>(db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task NothingIsLoggedAsAnErrorWhenTheAppStartsOnAnEmptyDatabase()
    {
        await using var app = new TestApp(postgreSql: true);

        var errors = app.Logs.LinesSince(0)
            .Where(line => line.Level >= LogLevel.Error)
            .Select(line => $"{line.Category}: {line.Text}");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task DataSurvivesWhenTheAppStartsAgainOverTheSamePostgreSqlDatabase()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tokenadmin-pg-restart-").FullName;
        int tokenId;
        await using (var first = new TestApp(dataDirectory: dataDirectory, postgreSql: true))
        {
            var owner = await first.OwnerAsync();
            var issued = await first.NewTokenAsync(owner, "kept", Arrange.AccountGrant(owner, AccessLevel.Viewer));
            tokenId = issued.Token.Id;
        }

        await using var second = new TestApp(dataDirectory: dataDirectory, postgreSql: true);

        await using var db = second.CreateDbContext();
        Assert.Equal(["kept"], await db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.Name).ToListAsync());
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public void NeitherProvidersMigrationsMissAChangeOfTheModel()
    {
        using var sqlite = new AppDbContext(
            new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgreSql = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(postgreSql.Database.HasPendingModelChanges());
    }
}
