using Microsoft.AspNetCore.Authentication;
using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.Api;

public static class ApiServices
{
    public static IServiceCollection AddTokenAdminApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiTokenAuthentication.Policy, policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
                .RequireAuthenticatedUser());
        services.AddSingleton<ApiRateLimiter>();
        services.AddSingleton<TokenUsage>();
        services.AddHostedService<TokenUsageWriter>();
        services.AddSingleton<AccountAccessService>();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityScheme>());
        return services;
    }

    /// <summary>Keeps API answers in the contract's JSON, whatever the console's error pages do.</summary>
    public static WebApplication UseTokenAdminApiErrors(this WebApplication app)
    {
        app.UseWhen(IsApi, api => api.UseMiddleware<ApiErrorBoundary>());
        return app;
    }

    /// <summary>
    /// Every endpoint in two forms: <c>/api/accounts/{account_id}/...</c> and <c>/api/...</c> with the account
    /// taken from the token.
    /// </summary>
    public static WebApplication MapTokenAdminApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup("/api")
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .WithApiFilters(app.Services)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapAccounts();
        api.MapGet("/api_tokens/self", TokenEndpoints.Self)
            .WithTags("API tokens")
            .WithSummary("The calling token itself (short form only)")
            .Produces<Wire.TokenObject>();

        var longForm = api.MapGroup($"/accounts/{{{AccountPathFilter.RouteValue}}}")
            .AddEndpointFilter<AccountPathFilter>();
        foreach (var form in new[] { api, longForm })
        {
            form.MapTokens();
            form.MapAccess();
        }
        // Any other address under /api, whatever the method, is the contract's 404, not routing's bare 405.
        api.Map("/{**path}", UnknownAddress).ExcludeFromDescription();
        return app;
    }

    [ChangesNothing]
    private static IResult UnknownAddress() => ApiErrors.NotFound();

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
