using System.Text;
using System.Text.Json;

namespace TokenAdmin.Tests.Api;

/// <summary>
/// JSON text chosen at random, written by hand so it can hold what a serializer would never write: lone
/// surrogate escapes, numbers past every integer type, duplicate keys.
/// </summary>
public sealed class RandomJson(Random random)
{
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "10", "100", "1000", "2147483647", "2147483648", "-2147483649",
        "99999999999999999999999999", "1e3", "1E+2", "1.0", "100.0", "10.5", "1e400", "-1e400", "5e-324",
        "1" + new string('0', 5000),
    ];

    private static readonly string[] Strings =
    [
        "\"\"", "\" \"", "\"admin\"", "\"viewer\"", "\"Admin\"", "\"owner\"", "\"100\"", "\"10\"", "\"1\"", "\"0\"",
        "\"-1\"", "\"abc\"", "\"1e3\"", "\"99999999999\"", "\" 7\"", "\"\u0663\"", "\"account\"", "\"project\"",
        "\"inbox\"", "\"sandbox\"", "\"sending_domain\"", "\"domain\"", "\"ACCOUNT\"", "\"true\"", "\"null\"",
        "\"\\ud800\"", "\"\\udfff x\"", "\"\\udc00\\ud800\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\u202e\"",
        "\"\\u200b\"", "\"tadm_\"", "\"2030-01-01T00:00:00Z\"", "\"\\\"\"", "\"\\\\\"",
    ];

    private static readonly string[] Keys =
    [
        "name", "resources", "expires_at", "permissions", "resource_type", "resource_id", "access_level",
        "_destroy", "Name", "RESOURCES", "id", "token", "", "\u00e9", "__proto__",
    ];

    public Random Random => random;

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Any JSON value, nested a few levels at most.</summary>
    public string Value(int depth = 0) => random.Next(depth > 2 ? 5 : 7) switch
    {
        0 => "null",
        1 => Chance(0.5) ? "true" : "false",
        2 => Pick(Numbers),
        3 or 4 => Chance(0.3) ? Quote(Text()) : Pick(Strings),
        5 => Array(() => Value(depth + 1)),
        _ => Object(Enumerable.Range(0, random.Next(4)).Select(_ => (Pick(Keys), Value(depth + 1)))),
    };

    public string Array(Func<string> item) =>
        "[" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => item())) + "]";

    /// <summary>An object of the given members in random order, sometimes with one more unknown member.</summary>
    public string Object(IEnumerable<(string Key, string Json)> members)
    {
        var all = members.ToList();
        if (Chance(0.15))
            all.Add((Pick(Keys), Value(2)));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all));
        return "{" + string.Join(",", all.Select(member => $"{Quote(member.Key)}:{member.Json}")) + "}";
    }

    public static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>Up to 40 characters from ASCII, Latin, CJK, emoji and control and format characters.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        for (var i = random.Next(41); i > 0; i--)
        {
            text.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x00a0, 0x0250),
                2 => (char)random.Next(0x4e00, 0x4f00),
                3 => "\U0001F511",
                4 => Pick(new[] { '\u200b', '\u202e', '\ufeff', '"', '\\' }),
                _ => (char)random.Next(32, 127),
            });
        }
        return text.ToString();
    }
}
