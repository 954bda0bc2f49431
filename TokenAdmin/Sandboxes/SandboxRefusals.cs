namespace TokenAdmin.Sandboxes;

public static class SandboxRefusals
{
    public const string AlreadyReset =
        "These credentials were reset meanwhile. Reload the page to see the new ones.";

    public const string Expired = "These credentials have expired. Reset Credentials issues new ones.";
}
