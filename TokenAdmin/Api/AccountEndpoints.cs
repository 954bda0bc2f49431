using TokenAdmin.Accounts;
using TokenAdmin.Api.Wire;

namespace TokenAdmin.Api;

public static class AccountEndpoints
{
    public static void MapAccounts(this RouteGroupBuilder api) =>
        api.MapGet("/accounts", ListAsync)
            .WithTags("Accounts")
            .WithSummary("The accounts the token reaches: its own, with the levels it holds there")
            .Produces<AccountObject[]>();

    private static async Task<IResult> ListAsync(HttpContext http, AccountNames accounts)
    {
        var token = ApiCaller.Of(http).Token;
        var name = await accounts.GetAsync(token.AccountId, http.RequestAborted);
        var levels = token.Grants.Select(grant => (int)grant.Level).Distinct().OrderDescending().ToList();
        return Results.Json(new[] { new AccountObject(token.AccountId, name ?? "", levels) }, ApiJson.Options);
    }
}
