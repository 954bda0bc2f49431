namespace TokenAdmin.Tokens;

/// <summary>
/// A change that other nodes must drop from their verification caches: one token, or every token when
/// <see cref="TokenId"/> is null. Kept on PostgreSQL only, where several nodes share the database.
/// </summary>
public sealed class TokenChange
{
    public long Id { get; set; }

    public int? TokenId { get; set; }

    public DateTimeOffset At { get; set; }
}
