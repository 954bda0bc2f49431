using System.Text.RegularExpressions;
using TokenAdmin.Sandboxes;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>What TokenAdmin's secrets look like in text: how the log guard recognises them.</summary>
public static partial class SecretShapes
{
    public const int PasswordLength = SandboxSecrets.PasswordLength;

    /// <summary>Every substring shaped like an API token secret: <c>tadm_</c> and 49 base62 characters.</summary>
    public static IEnumerable<string> FindTokenSecrets(string text) =>
        TokenShape().Matches(text).Select(match => match.Value);

    /// <summary>
    /// Runs of exactly 43 base62 characters standing alone: the shape of a sandbox password, and of other
    /// random ids too (a Blazor circuit id is 43 base64url characters), so a candidate is only a leak when it is
    /// a password the app issued.
    /// </summary>
    public static IEnumerable<string> FindPasswordCandidates(string text) =>
        PasswordShape().Matches(text).Select(match => match.Value);

    public static bool IsBase62(string text) => text.All(char.IsAsciiLetterOrDigit);

    /// <summary>The text with the secret cut to its last four characters, as the app's own logs show it.</summary>
    public static string Mask(string text, string secret) => text.Replace(secret, $"…{secret[^4..]}");

    [GeneratedRegex("tadm_[0-9A-Za-z]{49}")]
    private static partial Regex TokenShape();

    [GeneratedRegex("(?<![0-9A-Za-z])[0-9A-Za-z]{43}(?![0-9A-Za-z])")]
    private static partial Regex PasswordShape();
}
