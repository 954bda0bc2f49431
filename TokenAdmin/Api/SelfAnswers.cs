using System.Runtime.CompilerServices;
using System.Text.Json;
using TokenAdmin.Api.Wire;
using TokenAdmin.Tokens;

namespace TokenAdmin.Api;

/// <summary>
/// The <c>/self</c> answer of each verified token, serialized on its first call and then written as bytes: a
/// verified token never changes (a change to the token replaces its cache entry), so neither does its answer.
/// </summary>
public static class SelfAnswers
{
    private static readonly ConditionalWeakTable<VerifiedToken, byte[]> Answers = new();

    public static IResult For(VerifiedToken token) => new Utf8Json(Answers.GetValue(token, Serialize));

    private static byte[] Serialize(VerifiedToken token) =>
        JsonSerializer.SerializeToUtf8Bytes(TokenObject.From(token), ApiJson.Options);

    private sealed class Utf8Json(byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = body.Length;
            await http.Response.BodyWriter.WriteAsync(body, http.RequestAborted);
        }
    }
}
