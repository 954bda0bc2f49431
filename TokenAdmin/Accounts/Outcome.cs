namespace TokenAdmin.Accounts;

/// <summary>The result of a change that may be refused: either success or a message for the person.</summary>
public record Outcome(string? Error)
{
    public static readonly Outcome Ok = new((string?)null);

    public bool Succeeded => Error is null;

    public static Outcome Fail(string error) => new(error);
}

public sealed record Outcome<T>(T? Value, string? Error) : Outcome(Error)
{
    public static Outcome<T> Success(T value) => new(value, null);

    public static new Outcome<T> Fail(string error) => new(default, error);
}
