namespace TokenAdmin.Api.Wire;

// Request shapes for the OpenAPI document only: bodies are read by hand (see RequestBody and TokenRequests),
// so that every malformed variant gets the contract's error instead of the framework's.

/// <param name="ExpiresAt">Absent: the default lifetime; null: never; an ISO 8601 instant: then.</param>
public sealed record CreateTokenBody(string Name, IReadOnlyList<ResourceObject> Resources, string? ExpiresAt);

/// <param name="ExpiresAt">Absent: the old token's expiry; null: never; an ISO 8601 instant: then.</param>
public sealed record ResetTokenBody(string? ExpiresAt);

/// <param name="Destroy">True removes the (type, id) pair instead of setting its level.</param>
public sealed record PermissionChange(
    int ResourceId,
    string ResourceType,
    int? AccessLevel,
    [property: System.Text.Json.Serialization.JsonPropertyName("_destroy")] bool? Destroy);

public sealed record BulkPermissionsBody(IReadOnlyList<PermissionChange> Permissions);
