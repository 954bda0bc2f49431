using System.Text;
using TokenAdmin.Tests.Api;

namespace TokenAdmin.Tests.Hardening;

/// <summary>
/// Request headers for a random caller: its secret in the Bearer or legacy header (or both, or twice), garbage,
/// wrong schemes and wrongly named headers, and unrelated headers beside them. Values stay printable ASCII, as
/// the web server refuses others before the app runs.
/// </summary>
public sealed class FuzzHeaders(RandomJson json, FuzzSecrets secrets)
{
    // {0} is the Viewer's valid secret, offered where it must not be read.
    private static readonly string[] WrongSchemes =
    [
        "Basic dXNlcjpwYXNz", "Token {0}", "Bearer", "Bearer ", "Bearer{0}", "Digest {0}", "bearer: {0}",
        "Bearer {0} {0}", "Bearer \"{0}\"", "Bearer {0},", "{0}", "Bearer %20{0}", "Bearer\t\t", "Bearer {0}x",
    ];

    private static readonly string[] WrongNames = ["Authorisation", "Api_Token", "X-Api-Token", "Api-Key", "Token"];

    private static readonly string[] Accepts = ["application/json", "text/html", "*/*", "application/xml", "garbage"];

    public List<(string Name, string Value)> For(FuzzCaller caller)
    {
        var headers = new List<(string Name, string Value)>();
        switch (caller)
        {
            case FuzzCaller.Missing:
                break;
            case FuzzCaller.Garbage:
                Offer(headers, Garbage());
                break;
            case FuzzCaller.WrongScheme:
                OfferWrongly(headers);
                break;
            case FuzzCaller.Viewer or FuzzCaller.ReplacedInGrace:
                headers.Add(OfferedCleanly(caller == FuzzCaller.Viewer ? secrets.Viewer : secrets.ReplacedInGrace));
                break;
            default:
                Offer(headers, SecretOf(caller));
                break;
        }
        AddUnrelated(headers);
        return headers;
    }

    /// <summary>The way a client library sends a token: Bearer in any case and spacing, or the legacy header.</summary>
    private (string, string) OfferedCleanly(string secret) => json.Random.Next(4) switch
    {
        0 => ("Authorization", $"bearer {secret}"),
        1 => ("Api-Token", secret),
        2 => ("Authorization", $"BEARER   {secret}  "),
        _ => ("Authorization", $"Bearer {secret}"),
    };

    /// <summary>An invalid secret any way at all: cleanly, in both headers, or twice.</summary>
    private void Offer(List<(string, string)> headers, string secret)
    {
        headers.Add(OfferedCleanly(secret));
        if (json.Chance(0.1))
            headers.Add(("Api-Token", secret));
        // Two Authorization headers are refused, even when one of them is valid.
        if (json.Chance(0.05) && headers.Any(header => header.Item1 == "Authorization"))
            headers.Add(("Authorization", $"Bearer {secrets.Viewer}"));
    }

    private void OfferWrongly(List<(string, string)> headers)
    {
        if (json.Chance(0.3))
        {
            headers.Add((json.Pick(WrongNames), $"Bearer {secrets.Viewer}"));
            return;
        }
        headers.Add(("Authorization", string.Format(json.Pick(WrongSchemes), secrets.Viewer)));
        // A refused Authorization header is not passed over for a valid legacy header.
        if (json.Chance(0.3))
            headers.Add(("Api-Token", secrets.Viewer));
    }

    private string SecretOf(FuzzCaller caller) => caller switch
    {
        FuzzCaller.BadChecksum => secrets.BadChecksum,
        FuzzCaller.Unknown => secrets.Unknown,
        FuzzCaller.Expired => secrets.Expired,
        FuzzCaller.Deleted => secrets.Deleted,
        _ => secrets.ReplacedPastGrace,
    };

    private string Garbage() => json.Random.Next(5) switch
    {
        0 => "",
        1 => "tadm_" + Printable(json.Random.Next(0, 80)),
        2 => new string('A', json.Random.Next(1_000, 8_000)),
        3 => secrets.Unknown[..json.Random.Next(1, secrets.Unknown.Length)],
        _ => Printable(json.Random.Next(1, 200)),
    };

    private void AddUnrelated(List<(string, string)> headers)
    {
        if (json.Chance(0.2))
            headers.Add(("Accept", json.Pick(Accepts)));
        if (json.Chance(0.05))
            headers.Add(("Cookie", $"api_token={secrets.Admin}; .AspNetCore.Identity.Application={Printable(40)}"));
        if (json.Chance(0.05))
            headers.Add(("X-HTTP-Method-Override", "DELETE"));
        if (json.Chance(0.05))
            headers.Add(("X-Forwarded-For", "10.0.0.1, 127.0.0.1"));
        if (json.Chance(0.03))
            headers.Add(("X-Padding", Printable(json.Random.Next(1_000, 16_000))));
    }

    /// <summary>Printable ASCII without the characters that would end or split a header.</summary>
    private string Printable(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            text.Append((char)json.Random.Next(33, 127));
        return text.ToString();
    }
}
