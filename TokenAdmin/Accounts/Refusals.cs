namespace TokenAdmin.Accounts;

public static class Refusals
{
    public const string NotAllowed = "You do not have the access this needs.";

    public const string NotFound = "It no longer exists. Reload the page.";
}
