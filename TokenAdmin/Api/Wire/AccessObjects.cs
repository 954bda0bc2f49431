using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.Api.Wire;

/// <summary>One holder of account access as <c>GET .../account_accesses</c> shows it.</summary>
public sealed record AccountAccessObject(
    int Id,
    string SpecifierType,
    object Specifier,
    IReadOnlyList<ResourceObject> Resources,
    AccessPermissions Permissions)
{
    public static AccountAccessObject From(AccessHolder holder) => new(
        holder.Access.Id,
        holder switch
        {
            { Token: not null } => "ApiToken",
            { OpenInvitation: not null } => "Invite",
            _ => "User",
        },
        holder switch
        {
            { Token: { } token } => TokenSpecifier.From(token),
            { OpenInvitation: { } invitation } => InviteSpecifier.From(invitation, holder.Person!),
            _ => UserSpecifier.From(holder),
        },
        [.. holder.Access.Grants.Select(grant => ResourceObject.From(grant.Resource, grant.Level))],
        new AccessPermissions(
            CanRead: true,
            CanUpdate: holder.CanManage,
            CanDestroy: holder.CanManage,
            CanLeave: holder.IsOwn && holder.CanManage));
}

public sealed record AccessPermissions(bool CanRead, bool CanUpdate, bool CanDestroy, bool CanLeave);

/// <param name="Token">The secret masked: its prefix and last four characters only.</param>
public sealed record TokenSpecifier(int Id, string Name, string AuthorName, string Token, string? ExpiresAt)
{
    public static TokenSpecifier From(ApiToken token) => new(
        token.Id, token.Name, token.CreatedByName, $"{TokenSecret.Prefix}…{token.Last4}",
        ApiJson.Instant(token.ExpiresAt));
}

/// <param name="Id">The person's identifier, a string (TokenAdmin's people have GUID ids).</param>
public sealed record UserSpecifier(string Id, string? Email, string Name, bool TwoFactorAuthenticationEnabled)
{
    public static UserSpecifier From(AccessHolder holder) => new(
        holder.Person!.Id, holder.Person.Email, holder.Person.DisplayName, holder.Person.TwoFactorEnabled);
}

/// <summary>A person invited who has not set a password yet.</summary>
public sealed record InviteSpecifier(int Id, string? Email, string Name, string ExpiresAt)
{
    public static InviteSpecifier From(People.Invitation invitation, People.ApplicationUser person) =>
        new(invitation.Id, person.Email, person.DisplayName, ApiJson.Instant(invitation.ExpiresAt)!);
}

/// <summary>A node of <c>GET .../permissions/resources</c>: the caller's own level and what lies below.</summary>
public sealed record ResourceTreeObject(
    int Id,
    string Name,
    string Type,
    int AccessLevel,
    IReadOnlyList<ResourceTreeObject> Resources)
{
    /// <summary>The nodes the caller administers, each under the nearest administered ancestor.</summary>
    public static List<ResourceTreeObject> Administered(EffectiveAccess access) =>
        ChildrenOf(access, parent: null);

    private static List<ResourceTreeObject> ChildrenOf(EffectiveAccess access, ResourceRef? parent) =>
        [.. access.Tree.Nodes
            .Where(node => access.Has(Accounts.AccessLevel.Admin, node.Ref)
                && NearestAdministeredAncestor(access, node) == parent)
            .Select(node => new ResourceTreeObject(
                node.Ref.Id,
                node.Ref.Type == ResourceType.Account ? "Account" : node.Name,
                WireValues.ResourceTypeName(node.Ref.Type),
                (int)access.LevelOn(node.Ref),
                ChildrenOf(access, node.Ref)))];

    private static ResourceRef? NearestAdministeredAncestor(EffectiveAccess access, ResourceNode node) =>
        access.Tree.SelfAndAncestors(node.Ref).Skip(1)
            .Cast<ResourceRef?>()
            .FirstOrDefault(r => access.Has(Accounts.AccessLevel.Admin, r!.Value));
}

public sealed record AccountObject(int Id, string Name, IReadOnlyList<int> AccessLevels);
