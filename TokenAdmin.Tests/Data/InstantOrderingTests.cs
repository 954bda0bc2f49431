using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;
using TokenAdmin.Data.PostgreSql;
using TokenAdmin.Projects;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Data;

/// <summary>Case C05: instants sort and compare in SQL by the moment they name, whatever their offset.</summary>
public sealed class InstantOrderingTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokenadmin-instants-").FullName;
    private readonly string? _postgreSql =
        TestDatabase.PostgreSqlByDefault ? PostgreSqlServer.Instance.CreateDatabase() : null;
    private int _accountId;

    public async ValueTask InitializeAsync()
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
        var account = new Account { Name = "Instants", CreatedAt = At("2024-12-31T00:00:00+00:00") };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        _accountId = account.Id;
    }

    [Fact]
    public async Task NewestComesFirstWhenSortedByCreationDescending()
    {
        await AddProjectsAsync(
            ("beta", At("2025-01-02T10:00:00+00:00")),
            ("alpha", At("2025-01-01T10:00:00+00:00")),
            ("gamma", At("2025-01-03T10:00:00+00:00")));
        await using var db = CreateDbContext();
        var newestFirst = db.Projects.OrderByDescending(p => p.CreatedAt).Select(p => p.Name);

        var names = await newestFirst.ToListAsync();

        Assert.Equal(["gamma", "beta", "alpha"], names);
        // SQLite quotes the alias, PostgreSQL does not: "p" or p.
        Assert.Matches("ORDER BY \"?p\"?\\.\"CreatedAt\" DESC", newestFirst.ToQueryString());
    }

    [Fact]
    public async Task EarlierInstantComesFirstWhenItsOffsetMakesItsClockTimeLater()
    {
        await AddProjectsAsync(
            ("utc", At("2025-01-01T23:00:00+00:00")),
            ("plus-two", At("2025-01-02T00:30:00+02:00")));
        await using var db = CreateDbContext();

        var ordered = await db.Projects
            .OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Name, p.CreatedAt })
            .ToListAsync();

        Assert.Equal(["plus-two", "utc"], ordered.Select(p => p.Name));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 22, 30, 0, TimeSpan.Zero), ordered[0].CreatedAt);
        Assert.Equal(TimeSpan.Zero, ordered[0].CreatedAt.Offset);
    }

    [Fact]
    public async Task OnlyEarlierRowsMatchWhenComparedWithAnInstantInSql()
    {
        await AddProjectsAsync(
            ("alpha", At("2025-01-01T10:00:00+00:00")),
            ("beta", At("2025-01-02T10:00:00+00:00")),
            ("gamma", At("2025-01-03T10:00:00+00:00")));
        var instant = At("2025-01-02T12:00:00+02:00");
        await using var db = CreateDbContext();

        var before = await db.Projects.Where(p => p.CreatedAt < instant).Select(p => p.Name).ToListAsync();
        var deleted = await db.Projects.Where(p => p.CreatedAt < instant).ExecuteDeleteAsync();

        Assert.Equal(["alpha"], before);
        Assert.Equal(1, deleted);
        Assert.Equal(["beta", "gamma"], await db.Projects.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
    }

    public ValueTask DisposeAsync()
    {
        if (_postgreSql is not null)
            PostgreSqlServer.Instance.DropDatabase(_postgreSql);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private AppDbContext CreateDbContext() => _postgreSql is null
        ? new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_directory, "instants.db")}")
            .Options)
        : new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(_postgreSql).Options);

    private async Task AddProjectsAsync(params (string Name, DateTimeOffset CreatedAt)[] projects)
    {
        await using var db = CreateDbContext();
        db.Projects.AddRange(projects.Select(p => new Project
        {
            AccountId = _accountId,
            Name = p.Name,
            CreatedAt = p.CreatedAt,
        }));
        await db.SaveChangesAsync();
    }
}
