namespace TokenAdmin.Data;

/// <summary>
/// Text typed into the console's filters, read literally and the same way on SQLite and PostgreSQL.
/// </summary>
public static class SearchText
{
    public const string LikeEscape = "\\";

    /// <summary>A LIKE pattern (escape: <see cref="LikeEscape"/>) for text containing this one literally.</summary>
    public static string Containing(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>
    /// Whether any stored text can equal or contain this one. PostgreSQL's text holds no NUL character and refuses
    /// a parameter with one, so a filter holding it matches nothing, without asking the database.
    /// </summary>
    public static bool CanMatch(string? text) => text is null || !text.Contains('\0');
}
