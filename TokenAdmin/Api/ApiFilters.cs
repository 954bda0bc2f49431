using System.Reflection;

namespace TokenAdmin.Api;

/// <summary>
/// Puts the API's endpoint filters on the endpoints they have work on: the rate limit on every endpoint while it
/// is on, the replaced-token guard on every endpoint that can change something. An endpoint left with no filter
/// (<c>/self</c> with the limit off) skips the filter pipeline altogether.
/// </summary>
public static class ApiFilters
{
    public static RouteGroupBuilder WithApiFilters(this RouteGroupBuilder api, IServiceProvider services)
    {
        var rateLimited = services.GetRequiredService<ApiRateLimiter>().IsEnabled;
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            if (rateLimited)
                endpoint.FilterFactories.Add(Create<RateLimitFilter>);
            if (CanChange(endpoint))
                endpoint.FilterFactories.Add(Create<ReplacedTokenFilter>);
        });
        return api;
    }

    /// <summary>
    /// Anything but GET and HEAD alone, and an endpoint that names no methods at all, unless its handler is marked
    /// <see cref="ChangesNothingAttribute"/> (group conventions see the handler's method, not yet its attributes).
    /// </summary>
    private static bool CanChange(EndpointBuilder endpoint) =>
        !endpoint.Metadata.OfType<MethodInfo>().Any(handler => handler.IsDefined(typeof(ChangesNothingAttribute)))
        && endpoint.Metadata.OfType<HttpMethodMetadata>()
            .SelectMany(metadata => metadata.HttpMethods)
            .DefaultIfEmpty("")
            .Any(method => !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method));

    private static EndpointFilterDelegate Create<TFilter>(
        EndpointFilterFactoryContext context, EndpointFilterDelegate next)
        where TFilter : IEndpointFilter
    {
        var filter = ActivatorUtilities.CreateInstance<TFilter>(context.ApplicationServices);
        return invocation => filter.InvokeAsync(invocation, next);
    }
}

/// <summary>Marks a handler that takes any method but changes nothing, as the answer to unknown addresses.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChangesNothingAttribute : Attribute;
