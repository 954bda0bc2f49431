namespace TokenAdmin.CommandLine;

/// <summary>Reads one command's options, keeping the first thing wrong with them as its usage error.</summary>
public sealed class OptionReader(string command, CommandArguments arguments)
{
    private readonly List<string> _errors = [];

    public int AccountId()
    {
        var text = Required(OptionNames.Account, "<account id>");
        if (text is null)
            return 0;
        if (NumberArgument.TryParseId(text, out var id))
            return id;

        Fail($"--account '{text}' is not an account id (a positive whole number; see accounts list)");
        return 0;
    }

    public string? Required(string option, string placeholder)
    {
        var values = All(option);
        if (values.Count == 0)
        {
            Fail($"{command} needs --{option} {placeholder}");
            return null;
        }
        return Single(option, values);
    }

    public string? Optional(string option)
    {
        var values = All(option);
        return values.Count == 0 ? null : Single(option, values);
    }

    public IReadOnlyList<string> All(string option) => arguments.ValuesOf(option).Select(v => v ?? "").ToList();

    public bool Has(string option) => arguments.ValuesOf(option).Any();

    public void Fail(string error) => _errors.Add(error);

    /// <returns>The usage error, or null when the options are complete and all of them are among the allowed.</returns>
    public string? Error(params string[] allowed)
    {
        var stray = arguments.Options.Select(o => o.Name).FirstOrDefault(name => !allowed.Contains(name));
        return stray is not null ? $"{command} takes no --{stray}" : _errors.FirstOrDefault();
    }

    private string Single(string option, IReadOnlyList<string> values)
    {
        if (values.Count > 1)
            Fail($"--{option} is given more than once");
        return values[0];
    }
}
