using TokenAdmin.Accounts;

namespace TokenAdmin.CommandLine;

/// <summary>Reads a grant written as <c>&lt;resource type&gt;:&lt;resource id&gt;:&lt;level&gt;</c>.</summary>
public static class GrantArgument
{
    public const string Syntax = "<resource type>:<resource id>:<admin|viewer>";

    private static readonly Dictionary<string, ResourceType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["account"] = ResourceType.Account,
        ["project"] = ResourceType.Project,
        ["sandbox"] = ResourceType.Sandbox,
        ["inbox"] = ResourceType.Sandbox,
        ["sending_domain"] = ResourceType.SendingDomain,
        ["domain"] = ResourceType.SendingDomain,
    };

    private static readonly Dictionary<string, AccessLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["admin"] = AccessLevel.Admin,
        ["100"] = AccessLevel.Admin,
        ["viewer"] = AccessLevel.Viewer,
        ["10"] = AccessLevel.Viewer,
    };

    public static Outcome<GrantRequest> Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3)
            return Outcome<GrantRequest>.Fail($"--grant '{text}' is not {Syntax}");
        if (!Types.TryGetValue(parts[0].Trim(), out var type))
            return Outcome<GrantRequest>.Fail(
                $"--grant '{text}': the resource type is one of account, project, sandbox, sending_domain");
        if (!NumberArgument.TryParseId(parts[1], out var id))
            return Outcome<GrantRequest>.Fail($"--grant '{text}': the resource id is a positive whole number");
        if (!Levels.TryGetValue(parts[2].Trim(), out var level))
            return Outcome<GrantRequest>.Fail($"--grant '{text}': the level is admin or viewer");

        return Outcome<GrantRequest>.Success(new GrantRequest(new ResourceRef(type, id), level));
    }

    /// <summary>"project 7", "sending_domain 3": a resource as the arguments name it.</summary>
    public static string Describe(ResourceRef resource) =>
        $"{Types.First(pair => pair.Value == resource.Type).Key} {resource.Id}";
}
