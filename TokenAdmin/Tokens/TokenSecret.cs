using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TokenAdmin.Tokens;

/// <summary>
/// The secret's format: <c>tadm_</c>, 43 random base62 characters (256 bits), and a 6-character base62 checksum
/// of what precedes it. Secret scanners can match the prefix; the checksum lets the server refuse a mistyped or
/// forged value without touching the database.
/// </summary>
public static class TokenSecret
{
    public const string Prefix = "tadm_";
    public const int BodyLength = 43;
    public const int ChecksumLength = 6;
    public const int Length = 54;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Generate()
    {
        var body = RandomNumberGenerator.GetString(Base62, BodyLength);
        return Prefix + body + Checksum(Prefix + body);
    }

    public static bool IsWellFormed(ReadOnlySpan<char> secret)
    {
        if (!HasShape(secret))
            return false;
        var checksum = Checksum(secret[..(Length - ChecksumLength)]);
        return secret[(Length - ChecksumLength)..].SequenceEqual(checksum);
    }

    /// <summary>Prefix, length and alphabet only: the checks that cost no hash.</summary>
    public static bool HasShape(ReadOnlySpan<char> secret)
    {
        if (secret.Length != Length || !secret.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        foreach (var c in secret[Prefix.Length..])
        {
            if (!char.IsAsciiLetterOrDigit(c))
                return false;
        }
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string Last4(string secret) => secret[^4..];

    private static string Checksum(ReadOnlySpan<char> text)
    {
        Span<byte> bytes = stackalloc byte[Length];
        var count = Encoding.ASCII.GetBytes(text, bytes);
        var digest = SHA256.HashData(bytes[..count]);
        var value = BinaryPrimitives.ReadUInt32BigEndian(digest);

        Span<char> digits = stackalloc char[ChecksumLength];
        for (var i = ChecksumLength - 1; i >= 0; i--)
        {
            digits[i] = Base62[(int)(value % 62)];
            value /= 62;
        }
        return new string(digits);
    }
}
