namespace TokenAdmin.Accounts;

/// <summary>Names one resource of the tree: the account, a project, a sandbox or a sending domain.</summary>
public readonly record struct ResourceRef(ResourceType Type, int Id)
{
    public static ResourceRef Account(int id) => new(ResourceType.Account, id);

    public static ResourceRef Project(int id) => new(ResourceType.Project, id);

    public static ResourceRef Sandbox(int id) => new(ResourceType.Sandbox, id);

    public static ResourceRef SendingDomain(int id) => new(ResourceType.SendingDomain, id);
}
