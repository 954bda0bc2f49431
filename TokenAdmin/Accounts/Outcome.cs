namespace TokenAdmin.Accounts;

/// <summary>Why a change was refused, so the API can answer with the matching status code.</summary>
public enum RefusalKind
{
    /// <summary>The request itself is wrong: a bad name, date or grant.</summary>
    Invalid,

    /// <summary>The actor's access does not allow it.</summary>
    Forbidden,

    /// <summary>The thing to change does not exist, or not in the actor's account.</summary>
    NotFound,
}

/// <summary>The result of a change that may be refused: either success or a message for the person.</summary>
public record Outcome(string? Error)
{
    public static readonly Outcome Ok = new((string?)null);

    public bool Succeeded => Error is null;

    public RefusalKind Kind { get; init; }

    /// <summary>The request field the refusal is about (<c>name</c>, <c>expires_at</c>); null: the whole.</summary>
    public string? Field { get; init; }

    public static Outcome Fail(string error, RefusalKind kind = RefusalKind.Invalid, string? field = null) =>
        new(error) { Kind = kind, Field = field };
}

public sealed record Outcome<T>(T? Value, string? Error) : Outcome(Error)
{
    public static Outcome<T> Success(T value) => new(value, null);

    public static new Outcome<T> Fail(string error, RefusalKind kind = RefusalKind.Invalid, string? field = null) =>
        new(default, error) { Kind = kind, Field = field };

    /// <summary>Passes on another refusal with its kind and field.</summary>
    public static Outcome<T> Refused(Outcome refusal) =>
        new(default, refusal.Error) { Kind = refusal.Kind, Field = refusal.Field };
}
