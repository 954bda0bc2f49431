using System.Text.RegularExpressions;
using TokenAdmin.Tests.Api;

namespace TokenAdmin.Tests.Hardening;

/// <summary>Who a random request claims to be; only the last two hold a valid token, and neither may change.</summary>
public enum FuzzCaller
{
    Missing,
    Garbage,
    WrongScheme,
    BadChecksum,
    Unknown,
    Expired,
    Deleted,
    ReplacedPastGrace,
    Viewer,
    ReplacedInGrace,
}

public sealed partial record FuzzRequest(
    HttpMethod Method,
    string Target,
    FuzzCaller Caller,
    IReadOnlyList<(string Name, string Value)> Headers,
    Payload? Payload)
{
    public bool HasValidToken => Caller is FuzzCaller.Viewer or FuzzCaller.ReplacedInGrace;

    /// <summary>Without secrets, shortened, for failure messages.</summary>
    public override string ToString()
    {
        var target = SecretPattern().Replace(Target, "tadm_…");
        return $"{Method} {(target.Length > 200 ? target[..200] + "…" : target)} as {Caller}; {Payload}";
    }

    [GeneratedRegex("tadm_[0-9A-Za-z]+")]
    private static partial Regex SecretPattern();
}

/// <summary>Random requests under <c>/api</c>: random methods, paths, authentication headers and bodies.</summary>
public sealed class FuzzRequests(Random random, RobustWorld world, FuzzSecrets secrets, DateTimeOffset now)
{
    // Weighted towards the methods the endpoints serve, so that most requests reach authentication.
    private static readonly HttpMethod[] Methods =
    [
        .. Enumerable.Repeat(HttpMethod.Get, 6), .. Enumerable.Repeat(HttpMethod.Post, 5),
        .. Enumerable.Repeat(HttpMethod.Delete, 3), .. Enumerable.Repeat(HttpMethod.Put, 2),
        HttpMethod.Patch, HttpMethod.Head, HttpMethod.Options, new("PURGE"), new("PROPFIND"),
    ];

    private static readonly FuzzCaller[] Callers = Enum.GetValues<FuzzCaller>();

    private readonly RandomJson _json = new(random);
    private readonly FuzzPaths _paths = new(new RandomJson(random), world);
    private readonly FuzzHeaders _headers = new(new RandomJson(random), secrets);

    public FuzzRequest Next()
    {
        var method = _json.Pick(Methods);
        var caller = _json.Pick(Callers);
        var target = _paths.Next();
        if (_json.Chance(0.03))
            target += (target.Contains('?') ? "&" : "?") + "api_token=" + secrets.Admin;
        var headers = _headers.For(caller);
        return new FuzzRequest(method, target, caller, headers, Body(method));
    }

    private Payload? Body(HttpMethod method)
    {
        var sendsBody = method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch
            ? _json.Chance(0.9)
            : _json.Chance(0.1);
        if (!sendsBody)
            return null;
        var bodies = new RandomBodies(_json, world, now);
        var text = _json.Random.Next(4) switch
        {
            0 => bodies.Create(),
            1 => bodies.Reset(),
            2 => bodies.ChangePermissions(),
            _ => _json.Value(),
        };
        return text.Length == 0 ? null : new RandomPayloads(_json).From(text);
    }
}
