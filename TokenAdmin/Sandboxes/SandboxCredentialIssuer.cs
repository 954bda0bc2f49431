using Microsoft.AspNetCore.DataProtection;

namespace TokenAdmin.Sandboxes;

/// <summary>Makes sandbox credentials: a fresh pair, the password's hash and encrypted copy.</summary>
public sealed class SandboxCredentialIssuer(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector =
        protection.CreateProtector("TokenAdmin.Sandboxes.Password.v1");

    public IssuedSandboxCredential Issue(DateTimeOffset now)
    {
        var password = SandboxSecrets.NewPassword();
        var credential = new SandboxCredential
        {
            Username = SandboxSecrets.NewUsername(),
            PasswordHash = SandboxSecrets.Hash(password),
            EncryptedPassword = _protector.Protect(password),
            Last4 = SandboxSecrets.Last4(password),
            CreatedAt = now,
        };
        return new IssuedSandboxCredential(credential, password);
    }

    public string Reveal(SandboxCredential credential) =>
        _protector.Unprotect(credential.EncryptedPassword);
}

/// <summary>Credentials just made, with the only plaintext copy of their password.</summary>
public sealed record IssuedSandboxCredential(SandboxCredential Credential, string Password);
