namespace TokenAdmin.CommandLine;

public static class Usage
{
    public const string Text = $"""
        Usage:
          tokens create --account <account id> --name <name> --grant {GrantArgument.Syntax}
                        [--grant ...] [--expires-at <ISO 8601 date or time> | --never-expires]
          tokens list --account <account id>
          accounts list

        Resource types: account, project, sandbox (or inbox), sending_domain (or domain).
        Levels: admin (or 100), viewer (or 10).
        Without --expires-at or --never-expires a token gets TokenAdmin:Tokens:DefaultLifetimeDays.
        A date alone means the token works through that day, UTC; a time without an offset is UTC.

        tokens create prints only the secret on standard output; logs go to standard error.
        Lists are tab-separated, one line per item:
          tokens list: id, name, last 4, created by, created, expires, state, access
          accounts list: id, name
        Settings as for the console: --TokenAdmin:DataDirectory=<folder>, or TokenAdmin__DataDirectory=<folder>.
        Exit codes: 0 done, 1 refused or failed, 2 wrong usage.
        """;
}
