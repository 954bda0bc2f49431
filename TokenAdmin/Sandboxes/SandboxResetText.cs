using TokenAdmin.Tokens;

namespace TokenAdmin.Sandboxes;

/// <summary>What the Reset Credentials dialog tells a person before they confirm.</summary>
public static class SandboxResetText
{
    public static string Confirmation(
        string sandboxName, CurrentCredentials? current, TimeSpan graceWindow, DateTimeOffset now)
    {
        if (current is null)
            return $"Issue SMTP credentials for the sandbox \"{sandboxName}\"?";

        var question = $"Reset the SMTP credentials of the sandbox \"{sandboxName}\" (username "
            + $"{current.Username}, password …{current.Last4})? New credentials are issued at once. ";
        return question + OldCredentialsFate(current, graceWindow, now);
    }

    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.TotalDays % 1 == 0 => Plural((int)span.TotalDays, "day"),
        { TotalHours: >= 1 } when span.TotalHours % 1 == 0 => Plural((int)span.TotalHours, "hour"),
        _ => Plural((int)Math.Ceiling(span.TotalMinutes), "minute"),
    };

    private static string OldCredentialsFate(
        CurrentCredentials current, TimeSpan graceWindow, DateTimeOffset now)
    {
        var graceEnd = now + graceWindow;
        if (current.ExpiresAt is { } own && own < graceEnd)
            return $"The current ones keep working until their own expiry, {Times.Format(own)}.";
        if (graceWindow == TimeSpan.Zero)
            return "The current ones stop working at once.";

        return $"The current ones keep working for a grace window of {Duration(graceWindow)}, "
            + $"until {Times.Format(graceEnd)}, and then stop.";
    }

    private static string Plural(int count, string unit) =>
        count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
