namespace TokenAdmin.Accounts;

/// <summary>The naming rule shared by accounts, projects and sandboxes.</summary>
public static class ResourceNames
{
    public const int MaxLength = 255;

    public static string? Validate(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            return "Enter a name.";
        if (trimmed.Length > MaxLength)
            return $"Use at most {MaxLength} characters.";
        return trimmed.Any(IsHidden) ? "Remove control or invisible characters from the name." : null;
    }

    // Control characters, and format characters such as zero-width spaces and right-to-left overrides, which
    // would let two names look alike or make one read backwards.
    private static bool IsHidden(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}
