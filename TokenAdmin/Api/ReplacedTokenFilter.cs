namespace TokenAdmin.Api;

/// <summary>
/// A reset token lives out its grace window only so its users can switch over: it still reads, but changes
/// nothing, so a leaked old secret cannot mint or rotate tokens to outlast the reset.
/// </summary>
public sealed class ReplacedTokenFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var changes = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        return changes && ApiCaller.Of(http).Token.IsReplaced ? ApiErrors.Forbidden() : await next(context);
    }
}
