namespace TokenAdmin.Audit;

/// <summary>How the audit log screen names events and subjects; anything unknown is shown as stored.</summary>
public static class AuditLabels
{
    /// <summary>The known events, in the order the event filter offers them.</summary>
    public static readonly IReadOnlyList<(string Event, string Label)> Events =
    [
        (AuditEvents.TokenCreated, "Token created"),
        (AuditEvents.TokenPermissionsChanged, "Token permissions changed"),
        (AuditEvents.TokenCopied, "Token copied"),
        (AuditEvents.TokenReset, "Token reset"),
        (AuditEvents.TokenDeleted, "Token deleted"),
        (AuditEvents.TokenExpired, "Token expired"),
        (AuditEvents.TokenCleanedUp, "Expired token deleted"),
        (AuditEvents.PersonInvited, "Person invited"),
        (AuditEvents.PersonJoined, "Person accepted invitation"),
        (AuditEvents.PersonPasswordChanged, "Person changed password"),
        (AuditEvents.PersonAccessChanged, "Person's access changed"),
        (AuditEvents.PersonRemoved, "Person removed"),
        (AuditEvents.DomainAdded, "Sending domain added"),
        (AuditEvents.DomainDeleted, "Sending domain deleted"),
        (AuditEvents.SandboxCredentialsCreated, "Sandbox credentials created"),
        (AuditEvents.SandboxCredentialsCopied, "Sandbox password copied"),
        (AuditEvents.SandboxCredentialsReset, "Sandbox credentials reset"),
        (AuditEvents.SandboxCredentialsExpired, "Sandbox credentials expired"),
        (AuditEvents.SandboxCredentialsCleanedUp, "Expired sandbox credentials deleted"),
    ];

    private static readonly Dictionary<string, string> EventLabels = Events.ToDictionary(e => e.Event, e => e.Label);

    public static string Event(string? auditEvent) =>
        auditEvent is null ? "" : EventLabels.GetValueOrDefault(auditEvent, auditEvent);

    public static string ActorType(string actorType) => actorType switch
    {
        "person" => "Person",
        "token" => "Token",
        "system" => "System",
        _ => actorType,
    };

    public static string SubjectType(string subjectType) => subjectType switch
    {
        Subject.TokenType => "Token",
        "person" => "Person",
        "sending_domain" => "Sending domain",
        "sandbox" => "Sandbox",
        _ => subjectType,
    };
}
