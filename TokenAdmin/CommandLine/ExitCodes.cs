namespace TokenAdmin.CommandLine;

public static class ExitCodes
{
    public const int Done = 0;

    /// <summary>Refused by the rules (an unknown account or resource, an invalid name), or failed.</summary>
    public const int Refused = 1;

    /// <summary>The arguments do not form a command: unknown command or option, a missing or malformed value.</summary>
    public const int Usage = 2;
}
