using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.Audit;

public static class AuditLog
{
    /// <summary>Adds an entry to the caller's unit of work, so it is saved with the change it describes.</summary>
    public static void Record(
        this AppDbContext db, Actor actor, DateTimeOffset at, string auditEvent, Subject subject, string change = "")
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AccountId = actor.AccountId,
            At = at,
            ActorType = actor.TokenId is not null ? "token" : actor.UserId is not null ? "person" : "system",
            ActorId = actor.TokenId?.ToString() ?? actor.UserId,
            ActorName = actor.DisplayName,
            SourceAddress = actor.SourceAddress,
            Event = auditEvent,
            SubjectType = subject.Type,
            SubjectId = subject.Id,
            SubjectName = subject.Name,
            Change = change,
        });
    }
}

public sealed record Subject(string Type, string Id, string Name)
{
    public const string TokenType = "token";

    public static Subject Token(int id, string name) => new(TokenType, id.ToString(), name);

    public static Subject Person(string id, string name) => new("person", id, name);

    public static Subject Domain(int id, string name) => new("sending_domain", id.ToString(), name);

    public static Subject Sandbox(int id, string name) => new("sandbox", id.ToString(), name);
}
