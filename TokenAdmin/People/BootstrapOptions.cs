namespace TokenAdmin.People;

/// <summary>
/// Creates the owner without a browser on first start (section <c>TokenAdmin:Bootstrap</c>). Either all three
/// values are set, or none.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "TokenAdmin:Bootstrap";

    public string? OwnerEmail { get; set; }

    public string? OwnerPassword { get; set; }

    public string? AccountName { get; set; }

    public bool IsEmpty => string.IsNullOrEmpty(OwnerEmail) && string.IsNullOrEmpty(OwnerPassword)
        && string.IsNullOrEmpty(AccountName);

    public bool IsComplete => !string.IsNullOrWhiteSpace(OwnerEmail) && !string.IsNullOrEmpty(OwnerPassword)
        && !string.IsNullOrWhiteSpace(AccountName);
}
