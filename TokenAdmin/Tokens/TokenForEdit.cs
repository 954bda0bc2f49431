using TokenAdmin.Accounts;

namespace TokenAdmin.Tokens;

/// <summary>A token as the Edit permissions dialog opens it; Version guards against a concurrent change.</summary>
public sealed record TokenForEdit(int Id, string Name, int Version, IReadOnlyList<Grant> Grants);
