using System.Globalization;

namespace TokenAdmin.CommandLine;

/// <summary>Tab-separated lines for scripts: one item per line, instants in ISO 8601 UTC.</summary>
public static class TableText
{
    public static string Row(params string[] fields) => string.Join('\t', fields.Select(Clean));

    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // A tab or line break inside a field would shift every column after it for the scripts reading the line.
    private static string Clean(string field) =>
        string.Concat(field.Select(c => char.IsControl(c) ? ' ' : c));
}
