namespace TokenAdmin.Accounts;

/// <summary>
/// One holder's access to one account: a person now, and an API token or an invitation later.
/// Its grants say which resources the holder reaches and how far.
/// </summary>
public sealed class AccountAccess
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public Account? Account { get; set; }

    public string? UserId { get; set; }

    public int? ApiTokenId { get; set; }

    public List<Grant> Grants { get; set; } = [];
}
