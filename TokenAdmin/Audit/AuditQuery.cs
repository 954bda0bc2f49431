namespace TokenAdmin.Audit;

/// <summary>One page of the audit log: filters and window. The log is always newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>Entries about a token: its id ("12" or "#12"), or part of its name.</summary>
    public string? Token { get; init; }

    /// <summary>Entries by an actor: part of the name, or the exact id of a person or token.</summary>
    public string? ActedBy { get; init; }

    /// <summary>One of <see cref="AuditEvents"/>.</summary>
    public string? Event { get; init; }

    /// <summary>The first UTC day shown, from its start.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last UTC day shown, to its end.</summary>
    public DateOnly? To { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 25;
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);
