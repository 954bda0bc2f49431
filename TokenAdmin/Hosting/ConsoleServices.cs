using MudBlazor.Services;
using TokenAdmin.Accounts;
using TokenAdmin.Components;
using TokenAdmin.People;
using TokenAdmin.Projects;
using TokenAdmin.SendingDomains;

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
        return services;
    }

    public static WebApplication UseTokenAdminPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/not-found", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
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
