using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.People;

public static class PersonLoader
{
    public static async Task<Actor?> LoadPersonAsync(
        this AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var person = await db.AccountAccesses.AsNoTracking()
            .Where(access => access.UserId == userId)
            .Join(db.Users, access => access.UserId, user => user.Id, (access, user) => new { access, user })
            .Select(row => new { row.access.AccountId, row.user.DisplayName, row.access.Grants })
            .FirstOrDefaultAsync(cancellationToken);
        return person is null ? null : new Actor(person.AccountId, person.DisplayName, userId, person.Grants);
    }
}
