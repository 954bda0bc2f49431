namespace TokenAdmin.Tests.Api;

/// <summary>Both path forms of the contract: long (account in the path) and short (account from the token).</summary>
public static class ApiPaths
{
    public const string Long = "long";
    public const string Short = "short";

    public static string For(string form, int accountId, string rest) =>
        form == Long ? $"/api/accounts/{accountId}/{rest}" : $"/api/{rest}";
}
