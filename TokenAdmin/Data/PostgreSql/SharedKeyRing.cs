using Microsoft.AspNetCore.DataProtection;

namespace TokenAdmin.Data.PostgreSql;

/// <summary>The data-protection keys every node shares, kept in the PostgreSQL database.</summary>
internal static class SharedKeyRing
{
    private const string Purpose = "TokenAdmin.KeyRing.StartUp";

    /// <summary>
    /// Makes sure the database holds a key before this node protects anything. Under the write lock: two nodes
    /// starting together on an empty database would otherwise each make a key of their own and cache only theirs,
    /// and neither could read what the other encrypted until its next key-ring refresh, a day later.
    /// </summary>
    public static async Task EnsureKeyAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect([]);
        await transaction.CommitAsync(ct);
    }
}
