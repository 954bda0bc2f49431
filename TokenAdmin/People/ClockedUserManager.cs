using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TokenAdmin.People;

/// <summary>
/// Identity's user manager with lockout read from the injected <see cref="TimeProvider"/>. ASP.NET Core 10 reads
/// the system clock here, which would leave lockout untestable at its boundary.
/// </summary>
public sealed class ClockedUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    TimeProvider clock)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators,
        keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<ApplicationUser> LockoutStore => (IUserLockoutStore<ApplicationUser>)Store;

    public override async Task<bool> IsLockedOutAsync(ApplicationUser user)
    {
        if (!await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken))
            return false;

        var lockoutEnd = await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken);
        return lockoutEnd > clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(ApplicationUser user)
    {
        var failures = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (failures >= Options.Lockout.MaxFailedAccessAttempts)
        {
            var lockoutEnd = clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan);
            await LockoutStore.SetLockoutEndDateAsync(user, lockoutEnd, CancellationToken);
            await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        }
        return await UpdateUserAsync(user);
    }
}
