using System.Text;

namespace TokenAdmin.Tests.Api;

/// <summary>What goes on the wire: a body's bytes, often broken on the way, and the content type it claims.</summary>
public sealed record Payload(byte[]? Bytes, string? ContentType, bool Chunked, string Shape)
{
    public override string ToString()
    {
        var excerpt = Bytes is null ? "no body" : Encoding.UTF8.GetString(Bytes.AsSpan(0, Math.Min(Bytes.Length, 160)));
        var length = Bytes is null ? "" : $" ({Bytes.Length} bytes)";
        return $"{Shape}{length}, {ContentType ?? "no content type"}{(Chunked ? ", chunked" : "")}: {excerpt}";
    }

    /// <summary>The body as sent: exactly these bytes, with exactly this content type or none.</summary>
    public HttpContent? ToContent()
    {
        HttpContent? content = Bytes is null ? null : Chunked ? new ChunkedContent(Bytes) : new ByteArrayContent(Bytes);
        if (content is not null)
            content.Headers.ContentType = null;
        if (ContentType is null)
            return content;
        content ??= new ByteArrayContent([]);
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return content;
    }
}

/// <summary>A body sent without Content-Length, so the server learns its size only by reading it.</summary>
public sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

public sealed class RandomPayloads(RandomJson json)
{
    // Above the API's 64 KB limit.
    private const int Oversized = 65 * 1024 + 1;

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=utf-8", "application/x-www-form-urlencoded", "text/plain",
        "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/merge-patch+json",
        "garbage/?", "application/xml",
    ];

    private static readonly byte[][] BadUtf8 =
    [
        [0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xe2, 0x82],
    ];

    /// <summary>The JSON text as sent, or broken in one of many ways, with a content type.</summary>
    public Payload From(string text)
    {
        var (bytes, shape) = json.Random.Next(20) switch
        {
            < 9 => (Encoding.UTF8.GetBytes(text), "json"),
            9 or 10 => (Encoding.UTF8.GetBytes(text[..json.Random.Next(text.Length + 1)]), "truncated"),
            11 => (Encoding.UTF8.GetBytes(Nested(text)), "deeply nested"),
            12 => (Encoding.UTF8.GetBytes(Padded(text)), "oversized"),
            13 => (RandomBytes(json.Random.Next(2000)), "random bytes"),
            14 or 15 => (WithBadUtf8(Encoding.UTF8.GetBytes(text)), "invalid UTF-8"),
            16 => (Encoded(text), "other encoding"),
            17 => (Flipped(Encoding.UTF8.GetBytes(text)), "flipped bytes"),
            18 => (Encoding.UTF8.GetBytes("name=x&resources[0][resource_id]=1&expires_at="), "form"),
            _ => (Encoding.UTF8.GetBytes(new string(' ', json.Chance(0.5) ? 3 : Oversized)), "whitespace"),
        };
        var contentType = json.Chance(0.6) ? "application/json" : json.Chance(0.2) ? null : json.Pick(ContentTypes);
        return new Payload(bytes, contentType, Chunked: json.Chance(0.2), shape);
    }

    private string Nested(string text)
    {
        var depth = json.Pick(new[] { 31, 33, 100, 5000 });
        return new string('[', depth) + text + new string(']', json.Chance(0.8) ? depth : depth / 2);
    }

    private static string Padded(string text)
    {
        var pad = RandomJson.Quote(new string('x', Oversized));
        return text.StartsWith('{') ? "{\"pad\":" + pad + "," + text[1..] : "[" + text + "," + pad + "]";
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        json.Random.NextBytes(bytes);
        return bytes;
    }

    private byte[] WithBadUtf8(byte[] bytes)
    {
        var at = json.Random.Next(bytes.Length + 1);
        return [.. bytes.AsSpan(0, at), .. json.Pick(BadUtf8), .. bytes.AsSpan(at)];
    }

    private byte[] Encoded(string text) => json.Random.Next(4) switch
    {
        0 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        1 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        2 => Encoding.BigEndianUnicode.GetBytes(text),
        _ => Encoding.Latin1.GetBytes(text.Replace("robust", "r\u00f6bust")),
    };

    private byte[] Flipped(byte[] bytes)
    {
        for (var i = 0; i < 3 && bytes.Length > 0; i++)
            bytes[json.Random.Next(bytes.Length)] = (byte)json.Random.Next(256);
        return bytes;
    }
}
