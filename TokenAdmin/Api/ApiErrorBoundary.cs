using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using TokenAdmin.Data;

namespace TokenAdmin.Api;

/// <summary>
/// Keeps every API answer in the contract's JSON: unknown paths and methods get JSON bodies instead of the
/// console's pages, bad requests are 400, a database that cannot serve right now is a 503 worth retrying, and
/// anything else unexpected is a 500 with no detail and no secret.
/// </summary>
public sealed class ApiErrorBoundary(RequestDelegate next, ILogger<ApiErrorBoundary> logger)
{
    private const string RetryAfterSeconds = "5";

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
        catch (Exception error) when (DatabaseUnavailable.Is(error) && !context.Response.HasStarted)
        {
            logger.LogWarning("API request {Method} {Path} failed: the database is unavailable ({Reason})",
                context.Request.Method, context.GetEndpoint()?.DisplayName ?? "(no endpoint)",
                DatabaseUnavailable.Reason(error));
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ApiErrors.UnavailableBody,
                retryAfter: RetryAfterSeconds);
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

    private static async Task WriteAsync(HttpContext context, int status, object body, string? retryAfter = null)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (retryAfter is not null)
            context.Response.Headers.RetryAfter = retryAfter;
        await context.Response.WriteAsJsonAsync(body, ApiJson.Options);
    }
}
