namespace TokenAdmin.People;

/// <summary>
/// A one-time link that lets an invited person set their password. Only the hash of the link's secret is kept.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public required string UserId { get; set; }

    public required byte[] SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedByName { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => AcceptedAt is null && now < ExpiresAt;
}
