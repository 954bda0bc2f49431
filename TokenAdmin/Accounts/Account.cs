namespace TokenAdmin.Accounts;

public sealed class Account
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
