using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace TokenAdmin.Data.PostgreSql;

/// <summary>
/// The same model on PostgreSQL. A type of its own, because EF Core keeps one set of migrations per context type:
/// the SQLite migrations stay with <see cref="AppDbContext"/>, the PostgreSQL ones in this folder. It also holds
/// the data-protection keys, which every node must share; SQLite keeps them as files in the data folder.
/// </summary>
public sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options)
    : AppDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
