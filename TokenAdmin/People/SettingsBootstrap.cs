using Microsoft.Extensions.Options;

namespace TokenAdmin.People;

/// <summary>At start-up, creates the owner from <see cref="BootstrapOptions"/> when the database has none.</summary>
public sealed class SettingsBootstrap(
    IOptions<BootstrapOptions> options,
    OwnerSetup setup,
    ILogger<SettingsBootstrap> logger)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (settings.IsEmpty || await setup.IsDoneAsync(ct))
            return;
        if (!settings.IsComplete)
            throw new InvalidOperationException(
                $"Set all of {BootstrapOptions.Section}:OwnerEmail, OwnerPassword and AccountName, or none of them.");

        var owner = new NewOwner(settings.OwnerEmail!, settings.OwnerPassword!, settings.AccountName!);
        var outcome = await setup.CreateOwnerAsync(owner, ct);
        // Another node starting at the same time created the owner first.
        if (outcome.Error == OwnerSetup.AlreadyDone)
            return;
        if (!outcome.Succeeded)
            throw new InvalidOperationException(
                $"The owner in {BootstrapOptions.Section} was refused: {outcome.Error}");

        logger.LogInformation("Owner created from settings");
    }
}
