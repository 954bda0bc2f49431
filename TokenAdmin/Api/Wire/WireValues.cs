using System.Globalization;
using System.Text.Json;
using TokenAdmin.Accounts;

namespace TokenAdmin.Api.Wire;

/// <summary>
/// The values the wire accepts in more than one spelling: ids as numbers or numeric strings, both names of
/// sandboxes and domains, access levels as numbers or words.
/// </summary>
public static class WireValues
{
    /// <summary>
    /// A JSON string's text, or null when the value is not a string or not valid text (a lone surrogate, bytes
    /// that are not UTF-8): such input is the client's error, never the server's.
    /// </summary>
    public static string? TextOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            return null;
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static bool TryReadId(JsonElement value, out int id)
    {
        id = 0;
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt32(out id),
            JsonValueKind.String => TryReadId(TextOf(value), out id),
            _ => false,
        };
        return parsed && id > 0;
    }

    public static bool TryReadId(string? text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static bool TryReadResourceType(JsonElement value, out ResourceType type)
    {
        type = default;
        return TryReadResourceType(TextOf(value), out type);
    }

    public static bool TryReadResourceType(string? text, out ResourceType type)
    {
        type = text?.Trim().ToLowerInvariant() switch
        {
            "account" => ResourceType.Account,
            "project" => ResourceType.Project,
            "inbox" or "sandbox" => ResourceType.Sandbox,
            "sending_domain" or "domain" or "mailsend_domain" => ResourceType.SendingDomain,
            _ => default,
        };
        return type != default;
    }

    /// <summary>The spelling every client library understands.</summary>
    public static string ResourceTypeName(ResourceType type) => type switch
    {
        ResourceType.Account => "account",
        ResourceType.Project => "project",
        ResourceType.Sandbox => "inbox",
        ResourceType.SendingDomain => "sending_domain",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryReadLevel(JsonElement value, out AccessLevel level)
    {
        level = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => LevelOf(number),
            JsonValueKind.String => TextOf(value)?.Trim().ToLowerInvariant() switch
            {
                "admin" or "100" => AccessLevel.Admin,
                "viewer" or "10" => AccessLevel.Viewer,
                _ => AccessLevel.None,
            },
            _ => AccessLevel.None,
        };
        return level != AccessLevel.None;
    }

    private static AccessLevel LevelOf(int number) => number switch
    {
        100 => AccessLevel.Admin,
        10 => AccessLevel.Viewer,
        _ => AccessLevel.None,
    };
}
