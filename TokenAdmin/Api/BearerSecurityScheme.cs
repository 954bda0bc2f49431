using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TokenAdmin.Api;

/// <summary>Tells OpenAPI readers that every API endpoint takes a Bearer token.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public Task TransformAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "TokenAdmin API";
        document.Info.Description =
            "Mailtrap-compatible management API for API tokens, permissions, account accesses and accounts. " +
            "Every /api/accounts/{account_id}/... path also exists as /api/... with the token's own account.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token: Authorization: Bearer <token> (or the legacy Api-Token header).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
        });
        return Task.CompletedTask;
    }
}
