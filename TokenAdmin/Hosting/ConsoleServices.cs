using MudBlazor.Services;
using TokenAdmin.Api;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Components;
using TokenAdmin.People;
using TokenAdmin.Projects;
using TokenAdmin.Sandboxes;
using TokenAdmin.SendingDomains;
using TokenAdmin.Tokens;
using TokenAdmin.Components.Shared;

namespace TokenAdmin.Hosting;

public static class ConsoleServices
{
    public static IServiceCollection AddTokenAdminConsole(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddSingleton<AccessReader>();
        services.AddSingleton<AccountNames>();
        services.AddSingleton<ProjectService>();
        services.AddSingleton<SendingDomainService>();

        services.AddOptions<TokenOptions>()
            .BindConfiguration(TokenOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<TokenResetService>();
        services.AddSingleton<VerifiedTokenCache>();
        services.AddSingleton<TokenVerifier>();
        services.AddSingleton<TokenQueries>();
        services.AddSingleton<AuditQueries>();
        services.AddOptions<SendingOptions>()
            .BindConfiguration(SendingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DomainTokens>();
        services.AddOptions<SandboxOptions>()
            .BindConfiguration(SandboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SandboxCredentialIssuer>();
        services.AddSingleton<SandboxCredentialService>();
        services.AddScoped<Clipboard>();
        return services;
    }

    public static WebApplication UseTokenAdminPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseTokenAdminApiErrors();
        app.UseMiddleware<FirstRunRedirect>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapTokenAdminConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapSignOut();
        return app;
    }
}
