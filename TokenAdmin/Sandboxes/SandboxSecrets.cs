using System.Security.Cryptography;
using System.Text;

namespace TokenAdmin.Sandboxes;

/// <summary>Sandbox credentials: a 14-character lowercase hex username, a 256-bit base62 password.</summary>
public static class SandboxSecrets
{
    public const int UsernameLength = 14;
    public const int PasswordLength = 43;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string NewUsername() =>
        RandomNumberGenerator.GetHexString(UsernameLength, lowercase: true);

    public static string NewPassword() => RandomNumberGenerator.GetString(Base62, PasswordLength);

    public static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));

    public static string Last4(string password) => password[^4..];
}
