using System.Globalization;

namespace TokenAdmin.Tests.Api;

public enum WriteEndpoint
{
    CreateToken,
    ResetToken,
    DeleteToken,
    ChangePermissions,
    DeleteAccess,
}

/// <summary>How a random request authenticates: mostly as the Viewer, sometimes not at all.</summary>
public enum Caller
{
    Viewer,
    ViewerByLegacyHeader,
    Anonymous,
    UnknownToken,
}

public sealed record RandomRequest(HttpMethod Method, string Path, Caller Caller, Payload Payload)
{
    public override string ToString() => $"{Method} {Path} as {Caller}, {Payload}";
}

/// <summary>Random requests to one write endpoint, in both path forms, with random ids and bodies.</summary>
public sealed class RandomRequests(Random random, RobustWorld world, DateTimeOffset now)
{
    // Not "%00", which Kestrel refuses with a bare 400 before any middleware runs, nor "..", which the client
    // resolves (like "." and "%2e") into another path before sending.
    private static readonly string[] JunkIds =
    [
        "abc", "-1", "0", "99999999999", "1e3", "987654", "2147483647", "%20", "1.5", "+1", "0x10", "%C3%A9",
        "1%2F2", "%E2%80%AE1", "%FF", "1;2",
    ];

    private readonly RandomJson _json = new(random);

    public RandomRequest Next(WriteEndpoint endpoint)
    {
        var bodies = new RandomBodies(_json, world, now);
        var prefix = _json.Chance(0.5) ? "/api" : $"/api/accounts/{AccountSegment()}";
        var (method, path, body) = endpoint switch
        {
            WriteEndpoint.CreateToken => (HttpMethod.Post, $"{prefix}/api_tokens", bodies.Create()),
            WriteEndpoint.ResetToken => (HttpMethod.Post, $"{prefix}/api_tokens/{TokenId()}/reset", bodies.Reset()),
            WriteEndpoint.DeleteToken => (HttpMethod.Delete, $"{prefix}/api_tokens/{TokenId()}", _json.Value()),
            WriteEndpoint.ChangePermissions => (HttpMethod.Put,
                $"{prefix}/account_accesses/{AccessId()}/permissions/bulk", bodies.ChangePermissions()),
            _ => (HttpMethod.Delete, $"{prefix}/account_accesses/{AccessId()}", _json.Value()),
        };
        var payload = body.Length == 0 || _json.Chance(0.05)
            ? new Payload(null, _json.Chance(0.5) ? null : "application/json", Chunked: false, "no body")
            : new RandomPayloads(_json).From(body);
        return new RandomRequest(method, path, RandomCaller(), payload);
    }

    private string AccountSegment() => _json.Chance(0.85)
        ? Text(world.AccountId)
        : _json.Pick(new[] { Text(world.OtherAccountId), "abc", "0", "-1", "99999999999", "1e3" });

    private string TokenId() => _json.Chance(0.6) ? Text(_json.Pick(world.TokenIds)) : _json.Pick(JunkIds);

    private string AccessId() => _json.Chance(0.6) ? Text(_json.Pick(world.AccessIds)) : _json.Pick(JunkIds);

    private Caller RandomCaller() => random.Next(100) switch
    {
        < 85 => Caller.Viewer,
        < 93 => Caller.ViewerByLegacyHeader,
        < 97 => Caller.Anonymous,
        _ => Caller.UnknownToken,
    };

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
