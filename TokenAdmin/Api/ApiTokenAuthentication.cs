using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using TokenAdmin.Tokens;

namespace TokenAdmin.Api;

/// <summary>
/// Authenticates API requests by <c>Authorization: Bearer &lt;token&gt;</c> or the legacy <c>Api-Token</c>
/// header; never by query string or cookie. Failures answer with the contract's 401 and 403 bodies.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    TokenVerifier verifier,
    TokenUsage usage) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string Policy = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadSecret(Request.Headers) is not { } secret)
            return AuthenticateResult.NoResult();

        var token = await verifier.VerifyAsync(secret, Context.RequestAborted);
        if (token is null)
            return AuthenticateResult.Fail("The API token is malformed, unknown or expired.");

        Context.Features.Set(new ApiCaller(token, Context.Connection.RemoteIpAddress));
        usage.Note(token.Id);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, token.Id.ToString(CultureInfo.InvariantCulture))], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(ApiErrors.IncorrectTokenBody, ApiJson.Options);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(ApiErrors.ForbiddenBody, ApiJson.Options);
    }

    /// <summary>
    /// The secret from the request's headers, or null when none is offered. An Authorization header that is not
    /// one usable Bearer value is refused outright rather than passed over for another header.
    /// </summary>
    public static string? ReadSecret(IHeaderDictionary headers)
    {
        if (headers.Authorization.Count > 0)
            return BearerValue(headers.Authorization) ?? "";
        var legacy = headers["Api-Token"];
        if (legacy.Count == 0)
            return null;
        return legacy.Count == 1 ? legacy[0]!.Trim() : "";
    }

    private static string? BearerValue(StringValues authorization)
    {
        if (authorization.Count != 1)
            return null;
        var header = authorization[0].AsSpan().Trim();
        const string bearer = "Bearer";
        if (header.Length <= bearer.Length
            || !header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            || !char.IsWhiteSpace(header[bearer.Length]))
            return null;
        return header[bearer.Length..].Trim().ToString();
    }
}
