namespace TokenAdmin.Tokens;

public static class TokenRefusals
{
    public const string NotFound = "This token no longer exists. Reload the page.";

    public const string NotYours = "Your access does not cover every permission of this token.";

    public const string ChangedMeanwhile = "This token was changed by someone else meanwhile. Reload and try again.";

    public const string ShowOnce = "Tokens are shown only once here, when they are created or reset.";

    public const string AlreadyReset = "This token was already reset; its successor replaces it. Reset the successor.";

    public const string Expired = "This token has expired.";

    public static string LastDomainToken(string domain) =>
        $"This is the last token with Admin on {domain} that never expires. Give another such token Admin on "
        + $"{domain} first.";

    public static string DomainSuccessorMustNotExpire(string domain) =>
        $"This is the last token with Admin on {domain} that never expires, so its successor must not expire "
        + "either.";
}
