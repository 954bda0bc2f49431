using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace TokenAdmin.Data;

public static class WriteTransactions
{
    // Any fixed number will do, as long as every node uses the same one.
    internal const long PostgreSqlWriteLock = 0x546F6B656E41646D;

    /// <summary>
    /// A transaction that runs alone among writers. The rules checked inside one (expected versions, the last
    /// domain token, one reset per token, concurrent deletes) rely on that. SQLite gives it already: its
    /// transactions begin IMMEDIATE, taking the database's write lock. On PostgreSQL, READ COMMITTED would let two
    /// such checks pass side by side, so every write transaction first takes one transaction-scoped advisory lock,
    /// across all nodes; readers, token verification among them, never wait for it.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(
        this DatabaseFacade database, CancellationToken ct = default)
    {
        var transaction = await database.BeginTransactionAsync(ct);
        if (database.IsNpgsql())
            await database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({PostgreSqlWriteLock})", ct);
        return transaction;
    }
}
