using System.Net;
using System.Text.Json;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Api;

/// <summary>The error answers of the wire contract (docs: shared/spec/api.md, "Errors").</summary>
public static class ContractErrors
{
    private static readonly Dictionary<HttpStatusCode, string> FixedBodies = new()
    {
        [HttpStatusCode.Unauthorized] = """{"error":"Incorrect API token"}""",
        [HttpStatusCode.Forbidden] = """{"errors":"Account access forbidden"}""",
        [HttpStatusCode.NotFound] = """{"error":"Not Found"}""",
        [HttpStatusCode.TooManyRequests] = """{"errors":"Rate limit exceeded"}""",
    };

    /// <returns>What is wrong with the answer as a contract error, or null when it is one.</returns>
    public static string? Problem(ApiAnswer answer)
    {
        if (answer.ContentType is not { MediaType: "application/json", CharSet: "utf-8" })
            return $"content type {answer.ContentType}";
        if (FixedBodies.TryGetValue(answer.Status, out var body))
            return answer.Body == body ? null : $"body is not {body}";
        return answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
            ? FieldErrorsProblem(answer.Body)
            : "status is none of the contract's errors";
    }

    /// <summary><c>{"errors":{"&lt;field&gt;":["message", ...]}}</c> with at least one field and message.</summary>
    private static string? FieldErrorsProblem(string body)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return "body is not JSON";
        }
        if (root.ValueKind != JsonValueKind.Object
            || root.EnumerateObject().Select(p => p.Name).SingleOrDefault() != "errors"
            || root.GetProperty("errors") is not { ValueKind: JsonValueKind.Object } errors
            || !errors.EnumerateObject().Any())
            return "body is not {\"errors\":{field: [...]}}";
        return errors.EnumerateObject().All(IsMessageList) ? null : "a field's errors are not a list of messages";
    }

    private static bool IsMessageList(JsonProperty field) =>
        field.Value.ValueKind == JsonValueKind.Array
        && field.Value.GetArrayLength() > 0
        && field.Value.EnumerateArray().All(m => m.ValueKind == JsonValueKind.String && m.GetString()!.Length > 0);
}
