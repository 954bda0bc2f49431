using TokenAdmin.Api.Wire;

namespace TokenAdmin.Api;

/// <summary>
/// The long path form names an account; a token may only act on its own, so any other account id is 403.
/// </summary>
public sealed class AccountPathFilter : IEndpointFilter
{
    public const string RouteValue = "account_id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var named = http.GetRouteValue(RouteValue) as string;
        var own = ApiCaller.Of(http).Token.AccountId;
        return WireValues.TryReadId(named, out var accountId) && accountId == own
            ? await next(context)
            : ApiErrors.Forbidden();
    }
}
