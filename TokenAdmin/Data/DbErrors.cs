using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TokenAdmin.Data;

public static class DbErrors
{
    private const int SqliteUniqueConstraint = 2067;

    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteUniqueConstraint };
}
