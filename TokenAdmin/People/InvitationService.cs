using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;

namespace TokenAdmin.People;

/// <summary>Accepting an invitation: the invited person sets their password once, through the link's secret.</summary>
public sealed class InvitationService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<InvitationService> logger)
{
    public const string NotValid = "This invitation link is not valid any more. Ask for a new one.";

    /// <summary>The invited person's email and name, or null when the link is unknown, used or expired.</summary>
    public async Task<InvitedPerson?> FindOpenAsync(string? secret, CancellationToken ct = default)
    {
        if (!InvitationSecret.IsWellFormed(secret))
            return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hash = InvitationSecret.Hash(secret!);
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.SecretHash == hash)
            .Join(db.Users, i => i.UserId, u => u.Id, (i, u) => new { Invitation = i, u.Email, u.DisplayName })
            .SingleOrDefaultAsync(ct);
        return open is not null && open.Invitation.IsOpenAt(clock.GetUtcNow())
            ? new InvitedPerson(open.Email ?? "", open.DisplayName)
            : null;
    }

    public async Task<Outcome> AcceptAsync(
        string? secret, string password, string? sourceAddress = null, CancellationToken ct = default)
    {
        if (!InvitationSecret.IsWellFormed(secret))
            return Outcome.Fail(NotValid);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        // Immediate transaction: the same link opened in two tabs sets a password once.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var hash = InvitationSecret.Hash(secret!);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.SecretHash == hash, ct);
        var now = clock.GetUtcNow();
        if (invitation is null || !invitation.IsOpenAt(now))
            return Outcome.Fail(NotValid);
        if (await users.FindByIdAsync(invitation.UserId) is not { } user)
            return Outcome.Fail(NotValid);

        var passwordSet = await users.AddPasswordAsync(user, password);
        if (!passwordSet.Succeeded)
            return Outcome.Fail(string.Join(" ", passwordSet.Errors.Select(e => e.Description)), field: "password");
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        invitation.AcceptedAt = now;
        var person = new Actor(invitation.AccountId, user.DisplayName, user.Id, []) { SourceAddress = sourceAddress };
        db.Record(person, now, AuditEvents.PersonJoined, Subject.Person(user.Id, user.DisplayName),
            "Accepted the invitation and set a password");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Person {UserId} accepted their invitation", user.Id);
        return Outcome.Ok;
    }
}

public sealed record InvitedPerson(string Email, string Name);
