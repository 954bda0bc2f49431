using TokenAdmin.Accounts;

namespace TokenAdmin.Tests.Infrastructure;

public static class Grants
{
    public static Grant Of(ResourceRef resource, AccessLevel level) =>
        new() { ResourceType = resource.Type, ResourceId = resource.Id, Level = level };
}
