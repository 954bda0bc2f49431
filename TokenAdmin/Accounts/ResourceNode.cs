namespace TokenAdmin.Accounts;

public sealed record ResourceNode(ResourceRef Ref, string Name, ResourceRef? Parent, int Depth);
