using System.Globalization;
using System.Text.RegularExpressions;

namespace TokenAdmin.SendingDomains;

/// <summary>What counts as a sending domain name: a fully qualified host name of two labels or more.</summary>
public static partial class DomainNames
{
    public const int MaxLength = 253;

    private static readonly IdnMapping Idn = new();

    /// <summary>
    /// The one spelling stored and compared: lower case, and the Unicode form of its IDNA encoding, so that
    /// "bücher.de" and "xn--bcher-kva.de", or full-width and invisible variants of a name, are the same domain.
    /// </summary>
    public static string Normalize(string? name)
    {
        var trimmed = (name ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        var ascii = ToAscii(trimmed);
        return ascii is null ? trimmed : Idn.GetUnicode(ascii);
    }

    /// <returns>An error message, or null when the normalized name is a valid domain name.</returns>
    public static string? Validate(string normalized)
    {
        if (normalized.Length == 0)
            return "Enter a domain name, such as example.com.";

        var ascii = ToAscii(normalized);
        if (ascii is null || ascii.Length > MaxLength || !DomainPattern().IsMatch(ascii))
            return $"\"{normalized}\" is not a valid domain name. Use a name such as example.com.";
        return null;
    }

    private static string? ToAscii(string name)
    {
        try
        {
            return Idn.GetAscii(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // Labels of 1-63 letters, digits or inner hyphens; a top-level label that is not all digits.
    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z][a-z0-9-]{0,61}[a-z0-9]|xn--[a-z0-9-]+)$")]
    private static partial Regex DomainPattern();
}
