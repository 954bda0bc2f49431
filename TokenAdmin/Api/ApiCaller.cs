using System.Net;
using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.Api;

/// <summary>The token a request was authenticated with, kept on the request by the authentication handler.</summary>
public sealed class ApiCaller(VerifiedToken token, IPAddress? sourceAddress)
{
    private Actor? _actor;

    public VerifiedToken Token => token;

    /// <summary>Built on first use: <c>/self</c> and refused requests never need it.</summary>
    public Actor Actor => _actor ??= token.ToActor(sourceAddress?.ToString());

    public static ApiCaller Of(HttpContext http) =>
        http.Features.Get<ApiCaller>()
        ?? throw new InvalidOperationException("API endpoints run only after API token authentication.");
}
