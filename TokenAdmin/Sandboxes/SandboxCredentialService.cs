using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;
using TokenAdmin.Tokens;

namespace TokenAdmin.Sandboxes;

/// <summary>
/// SMTP credentials of sandboxes: shown with Viewer on the sandbox, copied and reset with Admin,
/// verified for mail. Expiry and cleanup for the jobs are in SandboxCredentialService.Expiry.cs.
/// </summary>
public sealed partial class SandboxCredentialService(
    IDbContextFactory<AppDbContext> dbFactory,
    SandboxCredentialIssuer issuer,
    IOptions<TokenOptions> options,
    TimeProvider clock,
    ILogger<SandboxCredentialService> logger)
{
    public async Task<Outcome<SandboxCredentialsView>> GetCurrentAsync(
        Actor actor, int sandboxId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, refusal) = await FindSandboxAsync(db, actor, sandboxId, AccessLevel.Viewer, ct);
        if (refusal is not null)
            return Outcome<SandboxCredentialsView>.Fail(refusal);

        var now = clock.GetUtcNow();
        var working = await db.SandboxCredentials.AsNoTracking()
            .Where(c => c.SandboxId == sandboxId && (c.ResetAt == null || c.ExpiresAt > now))
            .OrderByDescending(c => c.ExpiresAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Username, c.Last4, c.ExpiresAt, c.ResetAt })
            .ToListAsync(ct);

        var current = working
            .Where(c => c.ResetAt is null)
            .Select(c => new CurrentCredentials(c.Id, c.Username, c.Last4, c.ExpiresAt))
            .SingleOrDefault();
        var inGrace = working
            .Where(c => c.ResetAt is not null)
            .Select(c => new CredentialsInGrace(c.Id, c.Username, c.Last4, c.ExpiresAt!.Value))
            .ToList();
        var view = new SandboxCredentialsView(current, inGrace);
        return Outcome<SandboxCredentialsView>.Success(view);
    }

    /// <summary>The password for "Copy password", recorded in the audit log.</summary>
    public async Task<Outcome<string>> RevealPasswordAsync(
        Actor actor, int credentialId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var credential = await db.SandboxCredentials.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == credentialId, ct);
        if (credential is null)
            return Outcome<string>.Fail(Refusals.NotFound, RefusalKind.NotFound);
        var (sandbox, refusal) =
            await FindSandboxAsync(db, actor, credential.SandboxId, AccessLevel.Admin, ct);
        var now = clock.GetUtcNow();
        refusal ??= credential.IsValidAt(now) ? null : SandboxRefusals.Expired;
        if (refusal is not null)
        {
            logger.LogWarning("Copy of sandbox credentials {CredentialId} refused", credentialId);
            return Outcome<string>.Fail(refusal);
        }

        var password = issuer.Reveal(credential);
        db.Record(actor, now, AuditEvents.SandboxCredentialsCopied,
            Subject.Sandbox(sandbox!.Ref.Id, sandbox.Name), $"Password …{credential.Last4}");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Sandbox credentials {CredentialId} (…{Last4}) copied",
            credentialId, credential.Last4);
        return Outcome<string>.Success(password);
    }

    /// <summary>Issues new credentials and puts the current ones into the grace window.</summary>
    public Task<Outcome<IssuedSandboxCredential>> ResetAsync(
        Actor actor, int sandboxId, CancellationToken ct = default) =>
        ResetCurrentAsync(actor, sandboxId, seenCredentialId: null, ct);

    /// <summary>
    /// Resets the credentials the person saw; refused when they were reset meanwhile, so a second
    /// tab or a repeated request never resets twice.
    /// </summary>
    public Task<Outcome<IssuedSandboxCredential>> ResetAsync(
        Actor actor, int sandboxId, int seenCredentialId, CancellationToken ct = default) =>
        ResetCurrentAsync(actor, sandboxId, seenCredentialId, ct);

    /// <summary>True when the pair exists and has not expired: valid while now &lt; ExpiresAt.</summary>
    public async Task<bool> VerifyAsync(
        string username, string password, CancellationToken ct = default)
    {
        var hash = SandboxSecrets.Hash(password);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.SandboxCredentials.AsNoTracking()
            .Where(c => c.Username == username)
            .Select(c => new { c.PasswordHash, c.ExpiresAt })
            .SingleOrDefaultAsync(ct);

        var now = clock.GetUtcNow();
        return stored is not null
            && CryptographicOperations.FixedTimeEquals(hash, stored.PasswordHash)
            && (stored.ExpiresAt is not { } end || now < end);
    }

    private async Task<Outcome<IssuedSandboxCredential>> ResetCurrentAsync(
        Actor actor, int sandboxId, int? seenCredentialId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Immediate transaction: concurrent resets of a sandbox run one after the other.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var (sandbox, refusal) =
            await FindSandboxAsync(db, actor, sandboxId, AccessLevel.Admin, ct);
        var current = refusal is null ? await FindCurrentAsync(db, sandboxId, ct) : null;
        if (refusal is null && seenCredentialId is not null && current?.Id != seenCredentialId)
            refusal = SandboxRefusals.AlreadyReset;
        if (refusal is not null)
        {
            logger.LogWarning("Reset of sandbox {SandboxId} credentials refused", sandboxId);
            return Outcome<IssuedSandboxCredential>.Fail(refusal);
        }

        var now = clock.GetUtcNow();
        var retired = current is null ? "No credentials before" : Retire(current, now);
        await db.SaveChangesAsync(ct);

        var issued = issuer.Issue(now);
        issued.Credential.SandboxId = sandboxId;
        db.SandboxCredentials.Add(issued.Credential);
        db.Record(actor, now, AuditEvents.SandboxCredentialsReset,
            Subject.Sandbox(sandboxId, sandbox!.Name),
            $"{retired}; new password …{issued.Credential.Last4}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation(
            "Sandbox {SandboxId} credentials {OldId} replaced by {NewId} (…{Last4})",
            sandboxId, current?.Id, issued.Credential.Id, issued.Credential.Last4);
        return Outcome<IssuedSandboxCredential>.Success(issued);
    }

    /// <summary>Starts the grace window of replaced credentials; a reset never extends a life.</summary>
    private string Retire(SandboxCredential current, DateTimeOffset now)
    {
        var graceEnd = now + options.Value.GraceWindow;
        current.ExpiresAt = current.ExpiresAt is { } own && own < graceEnd ? own : graceEnd;
        current.ResetAt = now;
        return $"Password …{current.Last4} works until {Times.Format(current.ExpiresAt.Value)}";
    }

    private static Task<SandboxCredential?> FindCurrentAsync(
        AppDbContext db, int sandboxId, CancellationToken ct) =>
        db.SandboxCredentials.SingleOrDefaultAsync(
            c => c.SandboxId == sandboxId && c.ResetAt == null, ct);

    private static async Task<(ResourceNode? Sandbox, string? Refusal)> FindSandboxAsync(
        AppDbContext db, Actor actor, int sandboxId, AccessLevel needed, CancellationToken ct)
    {
        var access = await db.LoadAccessAsync(actor, ct);
        if (access.Tree.Find(ResourceRef.Sandbox(sandboxId)) is not { } sandbox)
            return (null, Refusals.NotFound);

        return access.Has(needed, sandbox.Ref) ? (sandbox, null) : (null, Refusals.NotAllowed);
    }
}
