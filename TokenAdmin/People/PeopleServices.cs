using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TokenAdmin.Data;

namespace TokenAdmin.People;

public static class PeopleServices
{
    public static IServiceCollection AddTokenAdminPeople(this IServiceCollection services)
    {
        services.AddOptions<SignInOptions>()
            .BindConfiguration(SignInOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingPersonStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddIdentityCore<ApplicationUser>(options => options.SignIn.RequireConfirmedAccount = true)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<ClockedUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // Every request checks the person's security stamp, so a password change or a removal ends their other
        // sessions at once instead of within Identity's default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);
        services.AddOptions<IdentityOptions>().Configure<IOptions<SignInOptions>>((identity, signIn) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = signIn.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = signIn.Value.LockoutDuration;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Password.RequiredLength = 8;
        });

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SetupState>();
        services.AddScoped<OwnerSetup>();
        services.AddSingleton<PeopleService>();
        services.AddSingleton<PeopleQueries>();
        services.AddSingleton<InvitationService>();
        services.AddScoped<SettingsBootstrap>();
        services.AddScoped<CurrentPerson>();
        services.AddHttpContextAccessor();
        services.AddScoped<ClientAddress>();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        return services;
    }

    public static async Task BootstrapOwnerAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SettingsBootstrap>().RunAsync(ct);
    }
}
