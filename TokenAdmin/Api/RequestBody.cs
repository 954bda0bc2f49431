using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TokenAdmin.Api;

/// <summary>
/// Reads a request body as JSON by hand, so every way a body can be wrong (too large, not JSON, too deep)
/// becomes the contract's 400 instead of the framework's own answer.
/// </summary>
public static class RequestBody
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32 };

    /// <returns>
    /// The body's JSON (null when the body is empty, whatever its content type), or the error to answer with.
    /// </returns>
    public static async Task<(JsonElement? Json, IResult? Error)> ReadJsonAsync(HttpContext http)
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
            return (null, TooLarge(limit));

        var buffer = new ArrayBufferWriter<byte>();
        var stream = http.Request.Body;
        while (true)
        {
            var span = buffer.GetMemory(8192);
            var read = await stream.ReadAsync(span, http.RequestAborted);
            if (read == 0)
                break;
            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
                return (null, TooLarge(limit));
        }

        var body = WithoutByteOrderMark(buffer.WrittenMemory);
        if (IsBlank(body.Span))
            return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body, ParseOptions);
            EnsureText(document.RootElement);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (null, ApiErrors.Malformed("The request body is not valid JSON."));
        }
        catch (InvalidOperationException)
        {
            return (null, ApiErrors.Malformed("Strings in the request body must be valid Unicode text in UTF-8."));
        }
    }

    /// <summary>
    /// Reads every string and name once: the parser lets through bytes that are not UTF-8 and escaped lone
    /// surrogates (<c>"\ud800"</c>), which throw only when read, deep inside a handler.
    /// </summary>
    private static void EnsureText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    EnsureText(item);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    EnsureText(property.Value);
                }
                break;
        }
    }

    private static IResult TooLarge(int limit) =>
        ApiErrors.Malformed($"The request body is larger than {limit / 1024} KB.");

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> body) =>
        body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body;

    private static bool IsBlank(ReadOnlySpan<byte> body) => body.Trim(" \t\r\n"u8).IsEmpty;
}
