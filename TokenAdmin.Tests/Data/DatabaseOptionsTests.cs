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

    [Theory]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    [InlineData(" SQLITE ", DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    public void ProviderNamesAreReadWithoutRegardToCaseWhenTheyNameAProvider(string named, DatabaseProvider expected)
    {
        var configuration = Configuration(new()
        {
            ["TokenAdmin:Database:Provider"] = named,
            ["TokenAdmin:Database:ConnectionString"] = "Host=127.0.0.1",
        });

        var options = DatabaseOptions.From(configuration);

        Assert.Equal(expected, options.Provider);
        Assert.Null(options.Problem());
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("1")]
    public void AMistypedProviderIsNamedInTheProblemWhenItIsNoProvider(string named)
    {
        var configuration = Configuration(new() { ["TokenAdmin:Database:Provider"] = named });

        var problem = DatabaseOptions.From(configuration).Problem();

        Assert.Equal($"TokenAdmin:Database:Provider is '{named}'; it must be Sqlite or PostgreSql.", problem);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Bogus=1")]
    [InlineData("Host=127.0.0.1;Port=abc")]
    [InlineData("Host=127.0.0.1;Password=Ab;SecretTail9=x")]
    [InlineData("not a connection string")]
    public void NoPartOfTheConnectionStringIsInTheProblemWhenItDoesNotParse(string connectionString)
    {
        var configuration = Configuration(new()
        {
            ["TokenAdmin:Database:Provider"] = "PostgreSql",
            ["TokenAdmin:Database:ConnectionString"] = connectionString,
        });

        var problem = DatabaseOptions.From(configuration).Problem();

        Assert.Equal("TokenAdmin:Database:ConnectionString is not a valid PostgreSQL connection string.", problem);
    }

    [Fact]
    public void AConnectionStringIsNoProblemWhenSqliteIgnoresIt()
    {
        var configuration = Configuration(new()
        {
            ["TokenAdmin:Database:ConnectionString"] = "not a connection string",
        });

        var problem = DatabaseOptions.From(configuration).Problem();

        Assert.Null(problem);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
