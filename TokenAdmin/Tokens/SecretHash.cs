using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TokenAdmin.Tokens;

/// <summary>The SHA-256 of a secret as a value, so it can key a dictionary without keeping the secret.</summary>
public readonly record struct SecretHash(ulong Part1, ulong Part2, ulong Part3, ulong Part4)
{
    public static SecretHash Of(string secret)
    {
        Span<byte> text = stackalloc byte[Encoding.UTF8.GetMaxByteCount(TokenSecret.Length)];
        var length = Encoding.UTF8.GetBytes(secret, text);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text[..length], digest);
        return FromBytes(digest);
    }

    public static SecretHash FromBytes(ReadOnlySpan<byte> digest) => new(
        BinaryPrimitives.ReadUInt64BigEndian(digest),
        BinaryPrimitives.ReadUInt64BigEndian(digest[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(digest[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(digest[24..]));

    public byte[] ToBytes()
    {
        var bytes = new byte[SHA256.HashSizeInBytes];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, Part1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), Part2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(16), Part3);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(24), Part4);
        return bytes;
    }
}
