using System.Globalization;
using System.Text;
using TokenAdmin.Tests.Api;

namespace TokenAdmin.Tests.Hardening;

/// <summary>
/// Random request targets under <c>/api</c>, in both path forms, near the real endpoints: real and unknown ids,
/// junk, traversal, percent-encoding, very long segments, unicode. Kept within the web server's limits (a URL
/// over 8 KB and an encoded NUL are refused before the app runs: the README's known limitations).
/// </summary>
public sealed class FuzzPaths(RandomJson json, RobustWorld world)
{
    private const int MaxTargetLength = 7_000;

    private static readonly string[] Endpoints =
    [
        "api_tokens", "api_tokens/{token}", "api_tokens/{token}/reset", "api_tokens/self", "account_accesses",
        "account_accesses/{access}", "account_accesses/{access}/permissions/bulk", "permissions/resources",
        "accounts", "accounts/{account}", "", "{any}", "{any}/{any}", "api_tokens/{any}/{any}",
    ];

    private static readonly string[] Unknown = ["987654", "0", "-1", "2147483648", "99999999999999999999", "00001"];

    private static readonly string[] Junk =
    [
        "abc", "1.5", "+1", "0x10", "1e3", "%201", "1;2", "%2F", "%5C", "~", "$", "@", "1,2", "%", "%zz",
        "%E2%80", "%FF", "%C0%AF", "self", "SELF", "reset", "bulk", "null", "undefined", "[]", "%7B%7D", "*",
    ];

    private static readonly string[] Traversal =
    [
        "..", ".", "%2e", "%2e%2e", "%2E.", "..%2f", "%2e%2e%2f", "%252e%252e", "..;", "...", "..%5C",
    ];

    public string Next()
    {
        var prefix = json.Chance(0.5) ? "/api" : $"/api/accounts/{Segment(world.AccountId)}";
        var segments = json.Pick(Endpoints).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Fill).ToList();
        if (json.Chance(0.15))
            segments.Insert(json.Random.Next(segments.Count + 1), json.Pick(Traversal));
        if (json.Chance(0.05))
            segments = [.. segments.Select(segment => segment.ToUpperInvariant())];
        var separator = json.Chance(0.05) ? "//" : "/";
        var target = string.Concat(segments.Select(segment => separator + segment));
        target = prefix + target + (json.Chance(0.1) ? "/" : "") + Query();
        return target.Length <= MaxTargetLength ? target : Next();
    }

    private string Fill(string part) => part switch
    {
        "{token}" => Segment(json.Pick(world.TokenIds)),
        "{access}" => Segment(json.Pick(world.AccessIds)),
        "{account}" => Segment(world.AccountId),
        "{any}" => RandomSegment(),
        _ => part,
    };

    /// <summary>Mostly the real id; otherwise another account's, an unknown id or something else entirely.</summary>
    private string Segment(int realId) => json.Random.Next(10) switch
    {
        < 6 => Text(realId),
        6 => Text(world.OtherAccountId),
        7 => json.Pick(Unknown),
        _ => RandomSegment(),
    };

    private string RandomSegment() => json.Random.Next(6) switch
    {
        0 => json.Pick(Junk),
        1 => json.Pick(Traversal),
        2 => new string('9', json.Random.Next(10, 400)),
        3 => Long(),
        4 => Uri.EscapeDataString(json.Text().Replace("\0", "")),
        _ => Text(json.Pick(world.Resources).Id),
    };

    private string Long()
    {
        var text = new StringBuilder();
        for (var length = json.Random.Next(300, 3_000); text.Length < length;)
            text.Append(json.Chance(0.9) ? (char)json.Random.Next('a', 'z' + 1) : '-');
        return text.ToString();
    }

    private string Query() => json.Random.Next(20) switch
    {
        0 => "?project_ids[]=" + Text(json.Pick(world.Resources).Id),
        1 => "?domain_ids=1,2,abc&inbox_ids[]=-1",
        2 => "?" + Uri.EscapeDataString(json.Text().Replace("\0", "")),
        3 => "?%",
        _ => "",
    };

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
