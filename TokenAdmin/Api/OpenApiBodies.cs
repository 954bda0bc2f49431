using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TokenAdmin.Api;

public static class OpenApiBodies
{
    /// <summary>
    /// Describes a JSON request body in the OpenAPI document only. <c>Accepts&lt;T&gt;</c> would also make routing
    /// refuse other content types with 415, but client libraries send resets as empty forms.
    /// </summary>
    public static RouteHandlerBuilder DescribesBody<T>(this RouteHandlerBuilder endpoint, bool required = true) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = required,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = schema },
                },
            };
        });
}
