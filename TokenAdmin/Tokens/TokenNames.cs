using System.Text.RegularExpressions;

namespace TokenAdmin.Tokens;

public static partial class TokenNames
{
    /// <summary>
    /// Appends the id in the style of auto-created tokens, replacing a numeric suffix an earlier reset or
    /// auto-creation added: "CI deploy" → "CI deploy token 1241", "example.com token 1234" →
    /// "example.com token 1240", "Staging Token" → "Staging Token 1242".
    /// </summary>
    public static string WithId(string name, int id)
    {
        var match = SuffixPattern().Match(name.Trim());
        var stem = match.Groups["stem"].Value;
        var word = match.Groups["word"].Success ? match.Groups["word"].Value : "token";
        var suffix = $" {word} {id}";
        var room = Accounts.ResourceNames.MaxLength - suffix.Length;
        return (stem.Length <= room ? stem : stem[..room].TrimEnd()) + suffix;
    }

    [GeneratedRegex(@"^(?<stem>.*?)(?:\s+(?<word>token)(?:\s+\d+)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SuffixPattern();
}
