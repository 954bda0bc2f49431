namespace TokenAdmin.Tests.Infrastructure;

/// <summary>Names no other test uses, so tests share one app without seeing each other's data.</summary>
public static class Unique
{
    public static string Name(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";
}
