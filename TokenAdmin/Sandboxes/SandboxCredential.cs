using TokenAdmin.Projects;

namespace TokenAdmin.Sandboxes;

/// <summary>
/// SMTP username and password of a sandbox. A sandbox has one current pair; pairs replaced by a
/// reset keep working until the end of their grace window.
/// </summary>
public sealed class SandboxCredential
{
    public int Id { get; set; }

    public int SandboxId { get; set; }

    public Sandbox? Sandbox { get; set; }

    public required string Username { get; set; }

    /// <summary>SHA-256 of the password: what verification compares. No plaintext is stored.</summary>
    public required byte[] PasswordHash { get; set; }

    /// <summary>The password protected by Data Protection, for "Copy password".</summary>
    public required string EncryptedPassword { get; set; }

    public required string Last4 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Null while the credentials have no end. A reset sets it to the end of the grace window, never
    /// later than an end they already had. The credentials are refused from this instant on.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When a reset replaced these credentials; null for the current ones.</summary>
    public DateTimeOffset? ResetAt { get; set; }

    /// <summary>When the expiry job recorded that these credentials expired; it does so once.</summary>
    public DateTimeOffset? ExpiryRecordedAt { get; set; }

    public bool IsValidAt(DateTimeOffset now) => ExpiresAt is not { } end || now < end;
}
