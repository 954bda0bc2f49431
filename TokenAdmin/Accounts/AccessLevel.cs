namespace TokenAdmin.Accounts;

// The numbers are the wire values of the Mailtrap-compatible API; higher includes lower.
public enum AccessLevel
{
    None = 0,
    Viewer = 10,
    Admin = 100,
    Owner = 1000,
}
