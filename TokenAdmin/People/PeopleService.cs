using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Data;

namespace TokenAdmin.People;

/// <summary>
/// People of an account: invitations, access changes and removal, with the same no-escalation rule as tokens and
/// an account that always keeps an owner.
/// </summary>
public sealed class PeopleService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PeopleService> logger)
{
    public const string LastOwner = "The account needs at least one owner. Make someone else owner first.";

    public async Task<Outcome<IssuedInvitation>> InviteAsync(
        Actor actor, NewPerson person, CancellationToken ct = default)
    {
        var email = person.Email.Trim();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
            return Outcome<IssuedInvitation>.Fail("Enter a valid email address.", field: "email");
        var name = string.IsNullOrWhiteSpace(person.Name) ? email : person.Name.Trim();
        if (ResourceNames.Validate(name) is { } invalidName)
            return Outcome<IssuedInvitation>.Fail(invalidName, field: "name");

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var access = await db.LoadAccessAsync(actor, ct);
        var grants = GrantValidation.Validate(access, person.Grants, forPerson: true);
        if (!grants.Succeeded)
            return Outcome<IssuedInvitation>.Refused(grants);
        if (await users.FindByEmailAsync(email) is not null)
            return Outcome<IssuedInvitation>.Fail($"{email} already has access to this console.", field: "email");

        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return Outcome<IssuedInvitation>.Fail(string.Join(" ", created.Errors.Select(e => e.Description)));
        db.AccountAccesses.Add(new AccountAccess
        {
            AccountId = actor.AccountId,
            UserId = user.Id,
            Grants = [.. grants.Value!.Select(grant => grant.ToGrant())],
        });
        var issued = NewInvitation(actor, user.Id);
        db.Invitations.Add(issued.Invitation);
        db.Record(actor, clock.GetUtcNow(), AuditEvents.PersonInvited, Subject.Person(user.Id, name),
            GrantText.Describe(access.Tree, grants.Value!.Select(grant => grant.ToGrant())));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Person {UserId} invited to account {AccountId}", user.Id, actor.AccountId);
        return Outcome<IssuedInvitation>.Success(issued);
    }

    /// <summary>A fresh link for a person who has not accepted yet; earlier links stop working.</summary>
    public async Task<Outcome<IssuedInvitation>> RenewInvitationAsync(
        Actor actor, int accessId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var (record, _, refusal) = await db.LoadManagedPersonAsync(actor, accessId, ct);
        if (refusal is not null)
            return Outcome<IssuedInvitation>.Refused(refusal);
        var open = await db.Invitations.Where(i => i.UserId == record!.UserId && i.AcceptedAt == null).ToListAsync(ct);
        if (open.Count == 0)
            return Outcome<IssuedInvitation>.Fail("This person has already accepted their invitation.");

        db.Invitations.RemoveRange(open);
        var issued = NewInvitation(actor, record!.UserId!);
        db.Invitations.Add(issued.Invitation);
        db.Record(actor, clock.GetUtcNow(), AuditEvents.PersonInvited, await db.PersonSubjectAsync(record, ct),
            "New invitation link; earlier links no longer work");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Invitation of person {UserId} renewed", record.UserId);
        return Outcome<IssuedInvitation>.Success(issued);
    }

    /// <summary>Replaces a person's grants; nobody grants more than they hold, and an owner always remains.</summary>
    public Task<Outcome> ChangeAccessAsync(
        Actor actor, int accessId, IReadOnlyList<GrantRequest> requested, CancellationToken ct = default) =>
        ChangeAccessAsync(actor, accessId, _ => requested, ct);

    /// <summary>
    /// Gives a person the grants <paramref name="change"/> makes of their current ones, read in the same
    /// transaction as the write, so two changes at once both apply instead of the later undoing the earlier.
    /// </summary>
    public async Task<Outcome> ChangeAccessAsync(
        Actor actor,
        int accessId,
        Func<IReadOnlyList<Grant>, IReadOnlyList<GrantRequest>> change,
        CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var (record, access, refusal) = await db.LoadManagedPersonAsync(actor, accessId, ct);
        if (refusal is not null)
            return refusal;
        var requested = change(record!.Grants);
        var grants = GrantValidation.Validate(access!, requested, forPerson: true);
        if (!grants.Succeeded)
            return grants;
        var newGrants = grants.Value!.Select(grant => grant.ToGrant()).ToList();
        if (OwnerGuard.IsOwner(record!.Grants) && !OwnerGuard.IsOwner(newGrants)
            && await db.IsLastOwnerAsync(record, ct))
            return Outcome.Fail(LastOwner);

        var before = GrantText.Describe(access!.Tree, record.Grants);
        db.Grants.RemoveRange(record.Grants);
        record.Grants = newGrants;
        db.Record(actor, clock.GetUtcNow(), AuditEvents.PersonAccessChanged, await db.PersonSubjectAsync(record, ct),
            $"{before} → {GrantText.Describe(access.Tree, newGrants)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Access {AccessId} of person {UserId} changed", accessId, record.UserId);
        return Outcome.Ok;
    }

    /// <summary>Removes a person from the console; their sessions lose access at their next action.</summary>
    public async Task<Outcome> RemoveAsync(Actor actor, int accessId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        var (record, _, refusal) = await db.LoadManagedPersonAsync(actor, accessId, ct);
        if (refusal is not null)
            return refusal;
        if (OwnerGuard.IsOwner(record!.Grants) && await db.IsLastOwnerAsync(record, ct))
            return Outcome.Fail(LastOwner);

        var subject = await db.PersonSubjectAsync(record, ct);
        // One account per installation: the person goes with their access, so the email can be invited again.
        await db.Users.Where(u => u.Id == record.UserId).ExecuteDeleteAsync(ct);
        db.Record(actor, clock.GetUtcNow(), AuditEvents.PersonRemoved, subject);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Person {UserId} removed from account {AccountId}", record.UserId, actor.AccountId);
        return Outcome.Ok;
    }

    /// <summary>
    /// Changes the actor's own password, recorded in the audit log. Returns the person as now stored, with the
    /// new security stamp that a renewed sign-in must carry.
    /// </summary>
    public async Task<Outcome<ApplicationUser>> ChangePasswordAsync(
        Actor actor, string currentPassword, string newPassword, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(actor.UserId!) is not { } user)
            return Outcome<ApplicationUser>.Fail(Refusals.NotFound, RefusalKind.NotFound);

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
            return Outcome<ApplicationUser>.Fail(string.Join(" ", changed.Errors.Select(e => e.Description)));
        var subject = Subject.Person(user.Id, user.DisplayName);
        db.Record(actor, clock.GetUtcNow(), AuditEvents.PersonPasswordChanged, subject);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Person {UserId} changed their password", user.Id);
        return Outcome<ApplicationUser>.Success(user);
    }

    private IssuedInvitation NewInvitation(Actor actor, string userId)
    {
        var secret = InvitationSecret.Generate();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            AccountId = actor.AccountId,
            UserId = userId,
            SecretHash = InvitationSecret.Hash(secret),
            CreatedAt = now,
            CreatedByName = actor.DisplayName,
            ExpiresAt = now + InvitationSecret.Lifetime,
        };
        return new IssuedInvitation(invitation, secret);
    }
}

public sealed record NewPerson(string Email, string? Name, IReadOnlyList<GrantRequest> Grants);

/// <summary>An invitation just made, with the only plaintext copy of its link's secret.</summary>
public sealed record IssuedInvitation(Invitation Invitation, string Secret)
{
    /// <summary>The secret travels in the fragment, which browsers never send to the server or in referrers.</summary>
    public string Link(string baseUri) => $"{baseUri.TrimEnd('/')}/invitation#{Secret}";
}
