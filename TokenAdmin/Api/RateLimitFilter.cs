using System.Globalization;

namespace TokenAdmin.Api;

/// <summary>Counts each authenticated request against its token's window and announces what is left.</summary>
public sealed class RateLimitFilter(ApiRateLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!limiter.IsEnabled)
            return await next(context);

        var http = context.HttpContext;
        var decision = limiter.Acquire(ApiCaller.Of(http).Token.Id);
        var headers = http.Response.Headers;
        headers["X-Ratelimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-Ratelimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        if (decision.Allowed)
            return await next(context);

        var seconds = Math.Max(1, (int)Math.Ceiling(decision.ResetsIn.TotalSeconds));
        headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Json(ApiErrors.RateLimitedBody, ApiJson.Options, statusCode: 429);
    }
}
