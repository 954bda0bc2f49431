using TokenAdmin.Accounts;

namespace TokenAdmin.Api;

/// <summary>The error bodies of the wire contract; none of them ever carries a secret.</summary>
public static class ApiErrors
{
    public const string BaseField = "base";

    public static readonly object IncorrectTokenBody = new { error = "Incorrect API token" };

    public static readonly object ForbiddenBody = new { errors = "Account access forbidden" };

    public static readonly object RateLimitedBody = new { errors = "Rate limit exceeded" };

    public static readonly object UnexpectedBody = new { errors = "Unexpected error" };

    public static readonly object UnavailableBody = new { errors = "Service unavailable" };

    public static IResult Forbidden() => Results.Json(ForbiddenBody, ApiJson.Options, statusCode: 403);

    public static IResult NotFound() => Results.Json(new { error = "Not Found" }, ApiJson.Options, statusCode: 404);

    /// <summary>422: the request was understood but breaks a rule.</summary>
    public static IResult Invalid(FieldErrors errors) =>
        Results.Json(new { errors = errors.ToDictionary() }, ApiJson.Options, statusCode: 422);

    public static IResult Invalid(string field, string message) => Invalid(new FieldErrors().Add(field, message));

    /// <summary>400: the body could not be read at all (not JSON, too large).</summary>
    public static IResult Malformed(string message) => Results.Json(
        new { errors = new FieldErrors().Add(BaseField, message).ToDictionary() }, ApiJson.Options, statusCode: 400);

    public static IResult From(Outcome refusal) => refusal.Kind switch
    {
        RefusalKind.Forbidden => Forbidden(),
        RefusalKind.NotFound => NotFound(),
        _ => Invalid(refusal.Field ?? BaseField, refusal.Error!),
    };
}

/// <summary>Messages per request field, in the order they were found.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = [];

    public bool Any => _byField.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages))
            _byField[field] = messages = [];
        messages.Add(message);
        return this;
    }

    public Dictionary<string, List<string>> ToDictionary() => _byField;
}
