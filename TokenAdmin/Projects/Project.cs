using TokenAdmin.Accounts;

namespace TokenAdmin.Projects;

public sealed class Project
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public Account? Account { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Sandbox> Sandboxes { get; set; } = [];
}
