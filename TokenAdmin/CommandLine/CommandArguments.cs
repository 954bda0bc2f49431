namespace TokenAdmin.CommandLine;

/// <summary>
/// The process arguments sorted into the command's words and options and the settings meant for configuration
/// (<c>--TokenAdmin:DataDirectory=...</c>), which may come before or among the options.
/// </summary>
public sealed class CommandArguments
{
    private static readonly string[] HostSettings = ["environment", "contentRoot", "applicationName"];

    private readonly List<string> _words = [];
    private readonly List<(string Name, string? Value)> _options = [];
    private readonly List<string> _settings = [];
    private readonly List<string> _problems = [];

    private CommandArguments()
    {
    }

    public IReadOnlyList<string> Words => _words;

    public IReadOnlyList<(string Name, string? Value)> Options => _options;

    public IReadOnlyList<string> Settings => _settings;

    /// <summary>Arguments that are neither options, settings nor command words, in words.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public static CommandArguments Split(IReadOnlyList<string> args)
    {
        var split = new CommandArguments();
        var i = split.SkipLeadingSettings(args);
        for (; i < args.Count && !args[i].StartsWith('-'); i++)
            split._words.Add(args[i]);
        while (i < args.Count)
            i = split.Take(args, i);
        return split;
    }

    public IEnumerable<string?> ValuesOf(string option) =>
        _options.Where(o => o.Name == option).Select(o => o.Value);

    // Before the command word every option is a setting, paired with its value the way configuration pairs it.
    private int SkipLeadingSettings(IReadOnlyList<string> args)
    {
        var i = 0;
        while (i < args.Count && args[i].StartsWith('-'))
        {
            var pairsWithNext = !args[i].Contains('=') && i + 1 < args.Count;
            _settings.AddRange(args.Skip(i).Take(pairsWithNext ? 2 : 1));
            i += pairsWithNext ? 2 : 1;
        }
        return i;
    }

    private int Take(IReadOnlyList<string> args, int i)
    {
        var arg = args[i];
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            _problems.Add($"unexpected argument '{arg}'");
            return i + 1;
        }

        var (name, inlineValue) = NameAndValue(arg);
        if (OptionNames.IsKnown(name))
            return TakeOption(args, i, name, inlineValue);
        if (inlineValue is not null)
        {
            _settings.Add(arg);
            return i + 1;
        }
        if (IsSetting(name) && i + 1 < args.Count)
        {
            _settings.AddRange([arg, args[i + 1]]);
            return i + 2;
        }

        _problems.Add($"unknown option '{arg}'");
        return i + 1;
    }

    private int TakeOption(IReadOnlyList<string> args, int i, string name, string? inlineValue)
    {
        if (OptionNames.IsFlag(name))
        {
            if (inlineValue is not null)
                _problems.Add($"--{name} takes no value");
            _options.Add((name, null));
            return i + 1;
        }
        if (inlineValue is not null)
        {
            _options.Add((name, inlineValue));
            return i + 1;
        }
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            _problems.Add($"--{name} needs a value");
            return i + 1;
        }

        _options.Add((name, args[i + 1]));
        return i + 2;
    }

    private static (string Name, string? Value) NameAndValue(string arg)
    {
        var equals = arg.IndexOf('=');
        return equals < 0 ? (arg[2..], null) : (arg[2..equals], arg[(equals + 1)..]);
    }

    private static bool IsSetting(string name) =>
        name.Contains(':') || HostSettings.Contains(name, StringComparer.OrdinalIgnoreCase);
}
