using TokenAdmin.Accounts;
using TokenAdmin.Api.Wire;

namespace TokenAdmin.Api;

/// <summary>
/// The account-access filters: <c>project_ids</c>, <c>inbox_ids</c> (or <c>sandbox_ids</c>) and
/// <c>domain_ids</c>, with or without <c>[]</c>, repeated or comma-separated. Ids that are not numbers match
/// nothing; empty values are no filter.
/// </summary>
public static class AccessFilters
{
    private static readonly (string Name, ResourceType Type)[] Filters =
    [
        ("project_ids", ResourceType.Project),
        ("inbox_ids", ResourceType.Sandbox),
        ("sandbox_ids", ResourceType.Sandbox),
        ("domain_ids", ResourceType.SendingDomain),
        // What Mailtrap's Node client sends; TokenAdmin's domains have numbers where Mailtrap's have UUIDs.
        ("domain_uuids", ResourceType.SendingDomain),
    ];

    /// <returns>The resources to filter by, or null when no filter was given.</returns>
    public static List<ResourceRef>? Read(IQueryCollection query)
    {
        var resources = new List<ResourceRef>();
        var given = false;
        foreach (var (name, type) in Filters)
        {
            var values = query[name].Concat(query[name + "[]"])
                .SelectMany(value => (value ?? "").Split(','))
                .Where(text => !string.IsNullOrWhiteSpace(text))
                .ToList();
            given |= values.Count > 0;
            foreach (var text in values)
            {
                if (WireValues.TryReadId(text.Trim(), out var id))
                    resources.Add(new ResourceRef(type, id));
            }
        }
        return given ? resources : null;
    }
}
