using System.Globalization;
using TokenAdmin.Api;

namespace TokenAdmin.Tests.Api;

/// <summary>
/// Request bodies near the wire contract's shapes: each field sometimes plausible, sometimes of a wrong type or
/// value, sometimes missing, so that the random bodies reach every check behind the JSON parser.
/// </summary>
public sealed class RandomBodies(RandomJson json, RobustWorld world, DateTimeOffset now)
{
    private static readonly string[] Levels = ["100", "10", "\"admin\"", "\"viewer\"", "1000", "0", "-10", "100.0"];

    private static readonly string[] Destroys = ["true", "false", "1", "0", "\"true\"", "\"1\"", "null", "\"yes\""];

    private static readonly string[] Names =
    [
        RandomJson.Quote("robust token"), RandomJson.Quote(new string('a', 255)),
        RandomJson.Quote(new string('a', 256)),
        RandomJson.Quote("   "), RandomJson.Quote("\u202eevil"), RandomJson.Quote("tab\tname"), "\"\\ud800\"",
        RandomJson.Quote(new string('n', 60_000)),
    ];

    public string Create() => json.Object(Members(
        ("name", 0.9, () => json.Chance(0.6) ? json.Pick(Names) : json.Value()),
        ("resources", 0.85, () => json.Chance(0.7) ? json.Array(() => Item(Resource)) : json.Value()),
        ("expires_at", 0.5, Expiry)));

    public string Reset() => json.Random.Next(4) switch
    {
        0 => "",
        1 => "{}",
        2 => json.Value(),
        _ => json.Object(Members(("expires_at", 1, Expiry))),
    };

    public string ChangePermissions() => json.Object(Members(
        ("permissions", 0.95, () => json.Chance(0.75) ? json.Array(() => Item(Permission)) : json.Value())));

    private string Item(Func<string> plausible) => json.Chance(0.85) ? plausible() : json.Value();

    private string Resource() => json.Object(Members(
        ("resource_type", 0.9, ResourceType),
        ("resource_id", 0.9, ResourceId),
        ("access_level", 0.9, Level)));

    private string Permission() => json.Object(Members(
        ("resource_type", 0.9, ResourceType),
        ("resource_id", 0.9, ResourceId),
        ("access_level", 0.6, Level),
        ("_destroy", 0.4, () => json.Chance(0.7) ? json.Pick(Destroys) : json.Value())));

    private string ResourceType() => json.Chance(0.7)
        ? RandomJson.Quote(json.Pick(new[] { "account", "project", "inbox", "sandbox", "sending_domain", "domain" }))
        : json.Value();

    private string ResourceId()
    {
        if (json.Chance(0.25))
            return json.Value();
        var id = json.Chance(0.8) ? json.Pick(world.Resources).Id : json.Pick(new[] { 987654, 0, -1, int.MaxValue });
        var text = id.ToString(CultureInfo.InvariantCulture);
        return json.Chance(0.7) ? text : RandomJson.Quote(text);
    }

    private string Level() => json.Chance(0.7) ? json.Pick(Levels) : json.Value();

    private string Expiry()
    {
        if (json.Chance(0.3))
            return json.Value();
        string[] instants =
        [
            Wire(now.AddDays(30)), Wire(now.AddDays(-1)), Wire(now.AddYears(6)), Wire(now),
            "2024-02-30T00:00:00Z", "not a date", "", "9999-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "2030-01-01", "+002030-01-01T00:00:00Z",
            $"  {Wire(now.AddDays(1))}  ",
        ];
        return RandomJson.Quote(json.Pick(instants));
    }

    private IEnumerable<(string, string)> Members(params (string Key, double Chance, Func<string> Value)[] members)
    {
        foreach (var (key, chance, value) in members)
        {
            if (json.Chance(chance))
                yield return (key, value());
            if (json.Chance(0.03))
                yield return (key, value());
        }
    }

    private static string Wire(DateTimeOffset instant) => ApiJson.Instant(instant)!;
}
