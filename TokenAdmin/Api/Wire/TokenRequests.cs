using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.Api.Wire;

/// <summary>Reads the bodies of token requests into what the token services take, collecting every problem.</summary>
public static partial class TokenRequests
{
    public const string NoResources = "No permissions selected. Please choose at least one.";

    private const string ResourceShape =
        "Each resource needs resource_type (account, project, inbox, sending_domain), resource_id (a positive " +
        "number) and access_level (100 for admin or 10 for viewer).";

    /// <param name="defaultExpiry">The expiry a token gets when the body has no <c>expires_at</c> key.</param>
    public static (TokenDraft? Draft, FieldErrors Errors) ReadCreate(JsonElement? body, DateTimeOffset? defaultExpiry)
    {
        var errors = new FieldErrors();
        if (body is not { ValueKind: JsonValueKind.Object } root)
        {
            errors.Add(ApiErrors.BaseField, "The request body must be a JSON object with name and resources.");
            return (null, errors);
        }

        var name = ReadName(root, errors);
        var expiry = ReadExpiry(root, errors);
        var grants = ReadResources(root, errors);
        if (errors.Any)
            return (null, errors);
        var expiresAt = expiry.Given ? expiry.ExpiresAt : defaultExpiry;
        return (new TokenDraft(name!, expiresAt, grants), errors);
    }

    /// <summary>
    /// A reset body: none at all, an empty form, an empty JSON body, or JSON that may carry <c>expires_at</c>.
    /// </summary>
    public static (ExpiryRequest Expiry, FieldErrors Errors) ReadReset(JsonElement? body)
    {
        var errors = new FieldErrors();
        if (body is null)
            return (ExpiryRequest.Keep, errors);
        if (body.Value.ValueKind != JsonValueKind.Object)
            return (ExpiryRequest.Keep, errors.Add(ApiErrors.BaseField, "The request body must be a JSON object."));
        return (ReadExpiry(body.Value, errors), errors);
    }

    /// <summary>Each resource of a <c>resources</c> or <c>permissions</c> array, as grant requests.</summary>
    public static bool TryReadGrant(JsonElement item, out GrantRequest grant)
    {
        grant = default;
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("resource_type", out var type) || !WireValues.TryReadResourceType(type, out var t)
            || !item.TryGetProperty("resource_id", out var id) || !WireValues.TryReadId(id, out var i)
            || !item.TryGetProperty("access_level", out var level) || !WireValues.TryReadLevel(level, out var l))
            return false;
        grant = new GrantRequest(new ResourceRef(t, i), l);
        return true;
    }

    private static string? ReadName(JsonElement root, FieldErrors errors)
    {
        if (!root.TryGetProperty("name", out var name) || name.ValueKind == JsonValueKind.Null)
            errors.Add("name", "Name can't be blank.");
        else if (WireValues.TextOf(name) is not { } text)
            errors.Add("name", "Name must be a string of valid text.");
        else
            return text;
        return null;
    }

    private static ExpiryRequest ReadExpiry(JsonElement root, FieldErrors errors)
    {
        if (!root.TryGetProperty("expires_at", out var value))
            return ExpiryRequest.Keep;
        if (value.ValueKind == JsonValueKind.Null)
            return ExpiryRequest.Never;
        if (TryParseInstant(WireValues.TextOf(value), out var instant))
            return ExpiryRequest.At(instant);
        errors.Add("expires_at", "Expires at must be an ISO 8601 timestamp or null.");
        return ExpiryRequest.Keep;
    }

    /// <summary>
    /// ISO 8601 only: a date and time (UTC unless an offset is given), or a date alone, which means the token
    /// works through that whole day, UTC, as a date picked in the console does.
    /// </summary>
    private static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is null)
            return false;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            instant = TokenExpiry.EndOfDay(day);
            return true;
        }
        if (!IsoInstant().IsMatch(text)
            || !DateTimeOffset.TryParse(
                text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
            return false;
        instant = instant.ToUniversalTime();
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex IsoInstant();

    private static List<GrantRequest> ReadResources(JsonElement root, FieldErrors errors)
    {
        var grants = new List<GrantRequest>();
        if (!root.TryGetProperty("resources", out var resources) || resources.ValueKind == JsonValueKind.Null)
        {
            errors.Add(ApiErrors.BaseField, NoResources);
            return grants;
        }
        if (resources.ValueKind != JsonValueKind.Array)
        {
            errors.Add("resources", "Resources must be an array.");
            return grants;
        }
        foreach (var item in resources.EnumerateArray())
        {
            if (!TryReadGrant(item, out var grant))
            {
                errors.Add("resources", ResourceShape);
                return grants;
            }
            grants.Add(grant);
        }
        if (grants.Count == 0)
            errors.Add(ApiErrors.BaseField, NoResources);
        return grants;
    }
}

/// <summary>The three states of <c>expires_at</c>: key absent, explicit null (never), or an instant.</summary>
public readonly record struct ExpiryRequest(bool Given, DateTimeOffset? ExpiresAt)
{
    public static readonly ExpiryRequest Keep = new(false, null);

    public static readonly ExpiryRequest Never = new(true, null);

    public static ExpiryRequest At(DateTimeOffset instant) => new(true, instant);
}
