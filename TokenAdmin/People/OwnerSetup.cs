using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.People;

/// <summary>Creates the first account and its owner, once, from the first-run page or from settings.</summary>
public sealed class OwnerSetup(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    SetupState state,
    TimeProvider clock,
    ILogger<OwnerSetup> logger)
{
    public const string AlreadyDone = "This console already has an owner. Sign in instead.";

    public async Task<bool> IsDoneAsync(CancellationToken ct = default)
    {
        if (state.IsDone)
            return true;

        var done = await db.Accounts.AnyAsync(ct);
        if (done)
            state.MarkDone();
        return done;
    }

    public async Task<Outcome<ApplicationUser>> CreateOwnerAsync(NewOwner owner, CancellationToken ct = default)
    {
        if (ResourceNames.Validate(owner.AccountName) is { } invalidName)
            return Outcome<ApplicationUser>.Fail(invalidName);

        // An immediate transaction: two first-run forms submitted at once still make exactly one owner.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        if (await db.Accounts.AnyAsync(ct))
            return Outcome<ApplicationUser>.Fail(AlreadyDone);

        var account = new Account { Name = owner.AccountName.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        var user = new ApplicationUser
        {
            UserName = owner.Email.Trim(),
            Email = owner.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(owner.DisplayName) ? owner.Email.Trim() : owner.DisplayName.Trim(),
        };
        var created = await users.CreateAsync(user, owner.Password);
        if (!created.Succeeded)
            return Outcome<ApplicationUser>.Fail(string.Join(" ", created.Errors.Select(e => e.Description)));

        db.AccountAccesses.Add(new AccountAccess
        {
            AccountId = account.Id,
            UserId = user.Id,
            Grants =
            [
                new Grant { ResourceType = ResourceType.Account, ResourceId = account.Id, Level = AccessLevel.Owner },
            ],
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        state.MarkDone();
        logger.LogInformation("Owner {UserId} created account {AccountId}", user.Id, account.Id);
        return Outcome<ApplicationUser>.Success(user);
    }
}

public sealed record NewOwner(string Email, string Password, string AccountName, string? DisplayName = null);
