using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.Api;

/// <summary>The token a request was authenticated with, kept on the request by the authentication handler.</summary>
public sealed class ApiCaller(VerifiedToken token, string? sourceAddress)
{
    public VerifiedToken Token => token;

    public Actor Actor { get; } = token.ToActor(sourceAddress);

    public static ApiCaller Of(HttpContext http) =>
        http.Features.Get<ApiCaller>()
        ?? throw new InvalidOperationException("API endpoints run only after API token authentication.");
}
