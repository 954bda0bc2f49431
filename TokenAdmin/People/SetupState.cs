namespace TokenAdmin.People;

/// <summary>Remembers, once true, that the console has an owner, so requests stop asking the database.</summary>
public sealed class SetupState
{
    private volatile bool _isDone;

    public bool IsDone => _isDone;

    public void MarkDone() => _isDone = true;
}
