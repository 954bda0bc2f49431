using Microsoft.EntityFrameworkCore;

namespace TokenAdmin.Data.PostgreSql;

/// <summary>Hands out PostgreSQL contexts to every service that asks for the app's context factory.</summary>
internal sealed class AppDbContextFactory(IDbContextFactory<PostgreSqlDbContext> postgres)
    : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => postgres.CreateDbContext();

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await postgres.CreateDbContextAsync(cancellationToken);
}
