using Microsoft.EntityFrameworkCore;
using TokenAdmin.Audit;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Audit;

/// <summary>
/// A log of 100,000 entries, one a minute back from noon on 10 January 2031: entry i (id i + 1) is i minutes old,
/// by actor "person {i % 7}", about token i % 5000, with event i % 3 of created, copied, deleted.
/// </summary>
public sealed class AuditLogScaleTests : IAsyncLifetime
{
    private const int Count = 100_000;
    private static readonly DateTimeOffset Noon = new(2031, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly TestApp _app = new(start: Noon);

    public async ValueTask InitializeAsync()
    {
        var accountId = await _app.AccountIdAsync();
        await using var db = _app.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {Count - 1})
            INSERT INTO "AuditEntries" ("AccountId", "At", "ActorType", "ActorId", "ActorName", "Event",
                "SubjectType", "SubjectId", "SubjectName", "Change")
            SELECT {accountId}, {Noon.UtcTicks} - i * {TimeSpan.TicksPerMinute}, 'person', 'p' || (i % 7),
                'person ' || (i % 7),
                CASE i % 3 WHEN 0 THEN 'token.created' WHEN 1 THEN 'token.copied' ELSE 'token.deleted' END,
                'token', CAST(i % 5000 AS TEXT), 'seed token ' || (i % 5000), '' FROM n
            """);
    }

    [Fact]
    public async Task PagesAndFiltersCountTheWholeLogWhenItHoldsAHundredThousandEntries()
    {
        var pages = new (AuditQuery Query, int Total, long FirstId)[]
        {
            (new AuditQuery(), Count, 1),
            (new AuditQuery { Skip = Count - 25 }, Count, Count - 24),
            (new AuditQuery { Event = AuditEvents.TokenCopied }, 33_333, 2),
            (new AuditQuery { Token = "#4999" }, 20, 5000),
            (new AuditQuery { ActedBy = "person 3" }, 14_286, 4),
            (new AuditQuery { From = new DateOnly(2031, 1, 9), To = new DateOnly(2031, 1, 9) }, 1440, 722),
        };

        var actual = new List<(int, long)>();
        foreach (var (query, _, _) in pages)
        {
            var page = (await _app.Get<AuditQueries>().ListAsync(await _app.OwnerAsync(), query)).Value!;
            actual.Add((page.Total, page.Entries[0].Id));
        }

        Assert.Equal(pages.Select(p => (p.Total, p.FirstId)), actual);
    }

    [Fact]
    public async Task NewestFirstPageIsReadFromTheAccountTimeIndexWithoutAFullSort()
    {
        var onPostgreSql = _app.PostgreSqlConnectionString is not null;
        // The shape of AuditQueries' page query with an event filter, as EF Core writes it.
        const string pageQuery = """
            SELECT * FROM "AuditEntries" AS "a"
            WHERE "a"."AccountId" = 1 AND "a"."Event" = 'token.copied'
            ORDER BY "a"."At" DESC, "a"."Id" DESC LIMIT 25 OFFSET 0
            """;

        var plan = onPostgreSql
            ? await PlanAsync("ANALYZE \"AuditEntries\"; EXPLAIN (COSTS OFF) " + pageQuery, column: 0)
            : await PlanAsync("EXPLAIN QUERY PLAN " + pageQuery, column: 3);

        string[] expected = onPostgreSql
            ?
            [
                // Only entries of the same instant are sorted by id: SQLite's index holds the row id, PostgreSQL's not.
                "Limit",
                "->  Incremental Sort",
                "Sort Key: \"At\" DESC, \"Id\" DESC",
                "Presorted Key: \"At\"",
                "->  Index Scan Backward using \"IX_AuditEntries_AccountId_At\" on \"AuditEntries\" a",
                "Index Cond: (\"AccountId\" = 1)",
                "Filter: (\"Event\" = 'token.copied'::text)",
            ]
            : ["SEARCH a USING INDEX IX_AuditEntries_AccountId_At (AccountId=?)"];
        Assert.Equal(expected, plan);
    }

    private async Task<List<string>> PlanAsync(string sql, int column)
    {
        await using var db = _app.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(column).Trim());
        return plan;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
