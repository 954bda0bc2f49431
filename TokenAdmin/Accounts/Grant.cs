namespace TokenAdmin.Accounts;

public sealed class Grant
{
    public int Id { get; set; }

    public int AccountAccessId { get; set; }

    public ResourceType ResourceType { get; set; }

    public int ResourceId { get; set; }

    public AccessLevel Level { get; set; }

    public ResourceRef Resource => new(ResourceType, ResourceId);
}
