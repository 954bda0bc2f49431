using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;

namespace TokenAdmin.Sandboxes;

// For the expiry and cleanup jobs. Both work from instants stored in the database, so running them
// twice, late or on several nodes records and deletes each credential once.
public sealed partial class SandboxCredentialService
{
    private static readonly Expression<Func<SandboxCredential, ExpiredCredential>> AsExpired =
        c => new ExpiredCredential(c.SandboxId, c.Sandbox!.Name, c.Sandbox.Project!.AccountId, c.Last4);

    /// <returns>How many credentials newly reached their expiry; each is audited once.</returns>
    public async Task<int> RecordExpiriesAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var recorded = await RecordExpiriesAsync(db, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Recorded the expiry of {Count} sandbox credentials", recorded);
        return recorded;
    }

    /// <returns>How many expired credentials were deleted; each deletion is audited.</returns>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        // An expiry the expiry job has not seen yet is recorded before its credentials go.
        await RecordExpiriesAsync(db, now, ct);
        var expired = await db.SandboxCredentials.Where(c => c.ExpiresAt <= now)
            .Select(AsExpired)
            .ToListAsync(ct);
        foreach (var credential in expired)
            Record(db, credential, now, AuditEvents.SandboxCredentialsCleanedUp, "Cleanup job");
        await db.SaveChangesAsync(ct);

        var deleted = await db.SandboxCredentials.Where(c => c.ExpiresAt <= now)
            .ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Deleted {Count} expired sandbox credentials", deleted);
        return deleted;
    }

    private static async Task<int> RecordExpiriesAsync(
        AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var unrecorded = db.SandboxCredentials
            .Where(c => c.ExpiresAt <= now && c.ExpiryRecordedAt == null);
        var expired = await unrecorded.Select(AsExpired).ToListAsync(ct);
        foreach (var credential in expired)
            Record(db, credential, now, AuditEvents.SandboxCredentialsExpired, "Expiry job");

        // The same rows as read: the immediate transaction keeps other writers out until commit.
        await unrecorded.ExecuteUpdateAsync(
            setters => setters.SetProperty(c => c.ExpiryRecordedAt, now), ct);
        return expired.Count;
    }

    private static void Record(
        AppDbContext db, ExpiredCredential credential, DateTimeOffset now, string auditEvent,
        string job)
    {
        var actor = new Actor(credential.AccountId, job, UserId: null, Grants: []);
        db.Record(actor, now, auditEvent,
            Subject.Sandbox(credential.SandboxId, credential.SandboxName),
            $"Password …{credential.Last4}");
    }

    private sealed record ExpiredCredential(
        int SandboxId, string SandboxName, int AccountId, string Last4);
}
