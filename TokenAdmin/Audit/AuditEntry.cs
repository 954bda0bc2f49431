namespace TokenAdmin.Audit;

/// <summary>One recorded event. Entries are only ever added, in the same transaction as their change.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public int AccountId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>"person", "token" or "system".</summary>
    public required string ActorType { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public string? SourceAddress { get; set; }

    /// <summary>What happened, such as <c>token.created</c>; see <see cref="AuditEvents"/>.</summary>
    public required string Event { get; set; }

    public required string SubjectType { get; set; }

    public required string SubjectId { get; set; }

    public required string SubjectName { get; set; }

    /// <summary>The change in words, without secrets.</summary>
    public string Change { get; set; } = "";
}
