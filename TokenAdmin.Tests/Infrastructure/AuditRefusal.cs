using Microsoft.EntityFrameworkCore;

namespace TokenAdmin.Tests.Infrastructure;

public static class AuditRefusal
{
    /// <summary>From now on the database refuses every new audit entry, to prove a change never lands alone.</summary>
    public static async Task RefuseAuditEntriesAsync(this TestApp app)
    {
        await using var db = app.CreateDbContext();
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql
                    AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
                CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION refuse_audit();
                """);
        else
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditEntries
                    BEGIN SELECT RAISE(ABORT, 'audit refused'); END
                """);
    }
}
