using Microsoft.Extensions.Options;
using TokenAdmin.Api.Wire;
using TokenAdmin.Tokens;

namespace TokenAdmin.Api;

/// <summary>Tokens over the wire: the same services and rules as the console's API Tokens screen.</summary>
public static class TokenEndpoints
{
    public static void MapTokens(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/api_tokens").WithTags("API tokens");
        tokens.MapGet("/", ListAsync)
            .WithSummary("Tokens the caller may see")
            .Produces<TokenObject[]>();
        tokens.MapGet("/{id}", GetAsync)
            .WithSummary("One token")
            .Produces<TokenObject>();
        tokens.MapPost("/", CreateAsync)
            .WithSummary("Create a token; the answer carries its secret as `token`")
            .DescribesBody<CreateTokenBody>()
            .Produces<TokenObject>();
        tokens.MapPost("/{id}/reset", ResetAsync)
            .WithSummary("Replace a token by a successor; the old secret lives out the grace window")
            .DescribesBody<ResetTokenBody>(required: false)
            .Produces<TokenObject>();
        tokens.MapDelete("/{id}", DeleteAsync)
            .WithSummary("Delete a token; its secret is refused from the next request on")
            .Produces(StatusCodes.Status204NoContent);
    }

    /// <summary><c>GET /api/api_tokens/self</c>: the calling token, answered from memory.</summary>
    public static IResult Self(HttpContext http) => SelfAnswers.For(ApiCaller.Of(http).Token);

    private static async Task<IResult> ListAsync(HttpContext http, TokenQueries queries)
    {
        var tokens = await queries.ListVisibleAsync(ApiCaller.Of(http).Actor, http.RequestAborted);
        return Results.Json(tokens.Select(TokenObject.From), ApiJson.Options);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string id, TokenQueries queries)
    {
        if (!WireValues.TryReadId(id, out var tokenId))
            return ApiErrors.NotFound();
        var token = await queries.GetVisibleAsync(ApiCaller.Of(http).Actor, tokenId, http.RequestAborted);
        return token is null ? ApiErrors.NotFound() : Results.Json(TokenObject.From(token), ApiJson.Options);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, TokenService tokens, IOptions<TokenOptions> options, TimeProvider clock)
    {
        var (body, unreadable) = await RequestBody.ReadJsonAsync(http);
        if (unreadable is not null)
            return unreadable;
        var caller = ApiCaller.Of(http);
        var defaultExpiry = TokenExpiry.Default(options.Value.DefaultLifetimeDays, clock.GetUtcNow());
        // The default never makes a token outlive its creator; an explicit expiry that would is refused.
        if (caller.Token.ExpiresAt is { } creatorEnds && (defaultExpiry is null || defaultExpiry > creatorEnds))
            defaultExpiry = creatorEnds;
        var (draft, errors) = TokenRequests.ReadCreate(body, defaultExpiry);
        if (draft is null)
            return ApiErrors.Invalid(errors);

        var created = await tokens.CreateAsync(caller.Actor, draft, http.RequestAborted);
        return created.Succeeded
            ? Results.Json(TokenObject.Issued(created.Value!), ApiJson.Options)
            : ApiErrors.From(created);
    }

    private static async Task<IResult> ResetAsync(
        HttpContext http, string id, TokenResetService resets, IOptions<TokenOptions> options)
    {
        if (!WireValues.TryReadId(id, out var tokenId))
            return ApiErrors.NotFound();
        var (body, unreadable) = await RequestBody.ReadJsonAsync(http);
        if (unreadable is not null)
            return unreadable;
        var (expiry, errors) = TokenRequests.ReadReset(body);
        if (errors.Any)
            return ApiErrors.Invalid(errors);

        var reset = new TokenReset(tokenId, options.Value.GraceWindow, expiry.Given, expiry.ExpiresAt);
        var successor = await resets.ResetAsync(ApiCaller.Of(http).Actor, reset, http.RequestAborted);
        return successor.Succeeded
            ? Results.Json(TokenObject.Issued(successor.Value!), ApiJson.Options)
            : ApiErrors.From(successor);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string id, TokenService tokens)
    {
        if (!WireValues.TryReadId(id, out var tokenId))
            return ApiErrors.NotFound();
        var deleted = await tokens.DeleteAsync(ApiCaller.Of(http).Actor, tokenId, http.RequestAborted);
        return deleted.Succeeded ? Results.NoContent() : ApiErrors.From(deleted);
    }
}
