using TokenAdmin.CommandLine;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.CommandLine;

public sealed class ExpiryArgumentTests
{
    [Theory]
    [InlineData("2027-01-31", "2027-02-01T00:00:00+00:00")]
    [InlineData("2027-01-31T18:00:00Z", "2027-01-31T18:00:00+00:00")]
    [InlineData("2027-01-31T18:00+02:00", "2027-01-31T16:00:00+00:00")]
    [InlineData("2027-01-31T18:00:00.5Z", "2027-01-31T18:00:00.5+00:00")]
    [InlineData("2027-01-31T18:00", "2027-01-31T18:00:00+00:00")]
    public void InstantIsUtcUnlessItSaysOtherwiseAndADateLastsTheWholeDay(string text, string expected)
    {
        var expiry = ExpiryArgument.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(expected), expiry.Value);
    }

    [Theory]
    [InlineData("31/01/2027")]
    [InlineData("2027-01-31 18:00")]
    [InlineData("tomorrow")]
    [InlineData("")]
    public void ExpiryIsRefusedWhenNotIso8601(string text)
    {
        var expiry = ExpiryArgument.Parse(text);

        Assert.False(expiry.Succeeded);
    }

    [Theory]
    [InlineData(365, false, 365)]
    [InlineData(0, false, null)]
    [InlineData(30, true, null)]
    public void DefaultLifetimeAppliesUnlessNeverIsAsked(int defaultDays, bool never, int? expectedDays)
    {
        var now = new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var options = new TokenOptions { DefaultLifetimeDays = defaultDays };

        var expiresAt = new RequestedExpiry(null, never).Resolve(options, now);

        Assert.Equal(expectedDays is { } days ? now.AddDays(days) : null, expiresAt);
    }

    [Fact]
    public void GivenInstantWinsWhenTheDefaultLifetimeIsSet()
    {
        var at = new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var options = new TokenOptions { DefaultLifetimeDays = 7 };

        var expiresAt = new RequestedExpiry(at, false).Resolve(options, at.AddDays(-30));

        Assert.Equal(at, expiresAt);
    }
}
