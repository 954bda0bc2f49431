using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Tokens;

namespace TokenAdmin.Data.PostgreSql;

/// <summary>
/// The same model on PostgreSQL. A type of its own, because EF Core keeps one set of migrations per context type:
/// the SQLite migrations stay with <see cref="AppDbContext"/>, the PostgreSQL ones in this folder. It also holds
/// what several nodes must share: the data-protection keys (SQLite keeps them as files in the data folder) and the
/// log of token changes that keeps their verification caches in step.
/// </summary>
public sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options)
    : AppDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<TokenChange> TokenChanges => Set<TokenChange>();
}
