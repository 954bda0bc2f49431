using System.Security.Cryptography;
using System.Text;

namespace TokenAdmin.People;

/// <summary>The secret of an invitation link: 256 random bits in base62, kept only as its SHA-256.</summary>
public static class InvitationSecret
{
    public const string Prefix = "tainv_";
    public const int BodyLength = 43;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string Generate() => Prefix + RandomNumberGenerator.GetString(Base62, BodyLength);

    public static bool IsWellFormed(string? secret) =>
        secret is { Length: 49 } && secret.StartsWith(Prefix, StringComparison.Ordinal)
        && secret.AsSpan(Prefix.Length).ContainsAnyExcept(Base62) is false;

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
