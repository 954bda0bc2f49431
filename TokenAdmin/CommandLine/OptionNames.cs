namespace TokenAdmin.CommandLine;

public static class OptionNames
{
    public const string Account = "account";
    public const string Name = "name";
    public const string Grant = "grant";
    public const string ExpiresAt = "expires-at";
    public const string NeverExpires = "never-expires";
    public const string Help = "help";

    private static readonly string[] Flags = [NeverExpires, Help];
    private static readonly string[] WithValue = [Account, Name, Grant, ExpiresAt];

    public static bool IsKnown(string name) => Flags.Contains(name) || WithValue.Contains(name);

    public static bool IsFlag(string name) => Flags.Contains(name);
}
