using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace TokenAdmin.Api;

/// <summary>
/// Keeps every API answer in the contract's JSON: unknown paths and methods get JSON bodies instead of the
/// console's pages, bad requests are 400, and anything unexpected is a 500 with no detail and no secret.
/// </summary>
public sealed class ApiErrorBoundary(RequestDelegate next, ILogger<ApiErrorBoundary> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            statusCodePages.Enabled = false;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            logger.LogInformation("API request refused as malformed: {Reason}", error.Message);
            await WriteAsync(context, error.StatusCode, Malformed("The request could not be read."));
            return;
        }
        catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(error, "API request {Method} {Path} failed", context.Request.Method,
                context.GetEndpoint()?.DisplayName ?? "(no endpoint)");
            await WriteAsync(context, StatusCodes.Status500InternalServerError, ApiErrors.UnexpectedBody);
            return;
        }

        // What the framework refuses before an endpoint runs (unknown path, method, media type) has no body yet.
        if (context.Response is { HasStarted: false, ContentLength: null, ContentType: null, StatusCode: >= 400 })
        {
            var status = context.Response.StatusCode;
            await WriteAsync(context, status, new { error = ReasonPhrases.GetReasonPhrase(status) });
        }
    }

    private static object Malformed(string message) =>
        new { errors = new FieldErrors().Add(ApiErrors.BaseField, message).ToDictionary() };

    private static async Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(body, ApiJson.Options);
    }
}
