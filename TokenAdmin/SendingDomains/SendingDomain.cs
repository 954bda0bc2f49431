using TokenAdmin.Accounts;

namespace TokenAdmin.SendingDomains;

public sealed class SendingDomain
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public Account? Account { get; set; }

    /// <summary>The domain name in lower case, as compared for uniqueness within the account.</summary>
    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
