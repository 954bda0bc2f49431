namespace TokenAdmin.Accounts;

public enum ResourceType
{
    Account = 1,
    Project = 2,
    Sandbox = 3,
    SendingDomain = 4,
}
