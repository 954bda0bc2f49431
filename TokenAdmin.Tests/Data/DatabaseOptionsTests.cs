using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TokenAdmin.Data;

namespace TokenAdmin.Tests.Data;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void SqliteInTheDataFolderIsUsedWhenNoProviderIsConfigured()
    {
        var configuration = Configuration([]);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(configuration)
            .AddTokenAdminData(configuration);

        using var provider = services.BuildServiceProvider();
        using var db = provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.EndsWith("tokenadmin.db", db.Database.GetDbConnection().DataSource);
    }

    [Fact]
    public void StartIsRefusedWithTheReasonWhenPostgreSqlHasNoConnectionString()
    {
        var configuration = Configuration(new() { ["TokenAdmin:Database:Provider"] = "PostgreSql" });

        var thrown = Assert.Throws<InvalidOperationException>(
            () => new ServiceCollection().AddTokenAdminData(configuration));

        Assert.Equal(
            "TokenAdmin:Database:ConnectionString is required when TokenAdmin:Database:Provider is PostgreSql.",
            thrown.Message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
