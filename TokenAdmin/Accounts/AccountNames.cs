using Microsoft.EntityFrameworkCore;
using TokenAdmin.Data;

namespace TokenAdmin.Accounts;

public sealed class AccountNames(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<string?> GetAsync(int accountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Name).SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<AccountName>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Accounts.OrderBy(a => a.Id).Select(a => new AccountName(a.Id, a.Name)).ToListAsync();
    }
}

public sealed record AccountName(int Id, string Name);
