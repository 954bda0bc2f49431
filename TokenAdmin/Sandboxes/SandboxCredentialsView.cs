namespace TokenAdmin.Sandboxes;

/// <summary>What a sandbox page shows: the current credentials and replaced ones still working.</summary>
public sealed record SandboxCredentialsView(
    CurrentCredentials? Current, IReadOnlyList<CredentialsInGrace> InGrace);

public sealed record CurrentCredentials(
    int Id, string Username, string Last4, DateTimeOffset? ExpiresAt);

/// <summary>Credentials replaced by a reset that keep working until <see cref="EndsAt"/>.</summary>
public sealed record CredentialsInGrace(int Id, string Username, string Last4, DateTimeOffset EndsAt);
