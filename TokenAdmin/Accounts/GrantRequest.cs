namespace TokenAdmin.Accounts;

public readonly record struct GrantRequest(ResourceRef Resource, AccessLevel Level)
{
    public Grant ToGrant() => new() { ResourceType = Resource.Type, ResourceId = Resource.Id, Level = Level };
}
