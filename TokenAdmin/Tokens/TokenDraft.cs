using TokenAdmin.Accounts;

namespace TokenAdmin.Tokens;

/// <summary>What a person asks for when adding a token.</summary>
public sealed record TokenDraft(string Name, DateTimeOffset? ExpiresAt, IReadOnlyList<GrantRequest> Grants);
