namespace TokenAdmin.Audit;

public static class AuditEvents
{
    public const string TokenCreated = "token.created";
    public const string TokenPermissionsChanged = "token.permissions_changed";
    public const string TokenCopied = "token.copied";
    public const string TokenDeleted = "token.deleted";
    public const string TokenReset = "token.reset";
    public const string TokenExpired = "token.expired";
    public const string TokenCleanedUp = "token.cleaned_up";
    public const string PersonInvited = "person.invited";
    public const string PersonJoined = "person.joined";
    public const string PersonPasswordChanged = "person.password_changed";
    public const string PersonAccessChanged = "person.access_changed";
    public const string PersonRemoved = "person.removed";
    public const string DomainAdded = "domain.added";
    public const string DomainDeleted = "domain.deleted";
    public const string SandboxCredentialsCreated = "sandbox.credentials_created";
    public const string SandboxCredentialsCopied = "sandbox.credentials_copied";
    public const string SandboxCredentialsReset = "sandbox.credentials_reset";
    public const string SandboxCredentialsExpired = "sandbox.credentials_expired";
    public const string SandboxCredentialsCleanedUp = "sandbox.credentials_cleaned_up";
}
