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
        return trimmed.Any(char.IsControl) ? "Remove control characters from the name." : null;
    }
}
