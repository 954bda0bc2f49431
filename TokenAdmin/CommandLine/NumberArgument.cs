using System.Globalization;

namespace TokenAdmin.CommandLine;

public static class NumberArgument
{
    public static bool TryParseId(string text, out int id) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
