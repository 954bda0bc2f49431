using TokenAdmin.Sandboxes;

namespace TokenAdmin.Tests.Sandboxes;

public sealed class SandboxResetTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 30, 15, TimeSpan.Zero);

    [Fact]
    public void GraceWindowAndItsEndAreNamedWhenTheCredentialsHaveNoExpiry()
    {
        var current = new CurrentCredentials(1, "0123456789abcd", "wxyz", ExpiresAt: null);

        var text = SandboxResetText.Confirmation("Staging", current, TimeSpan.FromHours(12), Now);

        Assert.Equal(
            "Reset the SMTP credentials of the sandbox \"Staging\" (username 0123456789abcd, password …wxyz)? "
                + "New credentials are issued at once. The current ones keep working for a grace window of "
                + "12 hours, until 2026-12-04 22:30 UTC, and then stop.",
            text);
    }

    [Fact]
    public void OwnExpiryIsNamedWhenItComesBeforeTheGraceWindowEnds()
    {
        var current = new CurrentCredentials(1, "0123456789abcd", "wxyz", Now.AddHours(2));

        var text = SandboxResetText.Confirmation("Staging", current, TimeSpan.FromHours(12), Now);

        Assert.EndsWith("The current ones keep working until their own expiry, 2026-12-04 12:30 UTC.", text);
    }

    [Theory]
    [InlineData(0, "The current ones stop working at once.")]
    [InlineData(60, "grace window of 1 hour,")]
    [InlineData(90, "grace window of 90 minutes,")]
    [InlineData(1440, "grace window of 1 day,")]
    [InlineData(10080, "grace window of 7 days,")]
    public void GraceWindowIsWrittenInWholeUnitsWhenItIsConfigured(int minutes, string expected)
    {
        var current = new CurrentCredentials(1, "0123456789abcd", "wxyz", ExpiresAt: null);

        var text = SandboxResetText.Confirmation("Staging", current, TimeSpan.FromMinutes(minutes), Now);

        Assert.Contains(expected, text);
    }
}
