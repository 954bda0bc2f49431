using TokenAdmin.SendingDomains;

namespace TokenAdmin.Tests.SendingDomains;

public sealed class DomainNamesTests
{
    public static readonly TheoryData<string> ValidNames =
    [
        "example.com",
        "mail.example.com",
        "1password.com",
        "mail-out.example.com",
        "bücher.de",
        "xn--bcher-kva.de",
        "пример.рф",
        $"{Label(63)}.com",
        $"{Label(63, 'a')}.{Label(63, 'b')}.{Label(63, 'c')}.{Label(61, 'd')}",
    ];

    public static readonly TheoryData<string> InvalidNames =
    [
        "not a domain",
        "-bad-.com",
        "bad-.example.com",
        "localhost",
        "example.123",
        "example..com",
        ".example.com",
        "exa_mple.com",
        "example.com/path",
        $"{Label(64)}.com",
        $"{Label(63, 'a')}.{Label(63, 'b')}.{Label(63, 'c')}.{Label(62, 'd')}",
    ];

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void NameIsAcceptedWhenItIsAValidDomain(string name)
    {
        var error = DomainNames.Validate(DomainNames.Normalize(name));

        Assert.Null(error);
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void NameIsRefusedWhenItIsNotAValidDomain(string name)
    {
        var error = DomainNames.Validate(DomainNames.Normalize(name));

        Assert.Equal($"\"{name}\" is not a valid domain name. Use a name such as example.com.", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    public void NameIsAskedForWhenItIsEmpty(string name)
    {
        var error = DomainNames.Validate(DomainNames.Normalize(name));

        Assert.Equal("Enter a domain name, such as example.com.", error);
    }

    [Theory]
    [InlineData("Mail.Example.COM", "mail.example.com")]
    [InlineData("  example.com  ", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("BÜCHER.DE", "bücher.de")]
    public void NameIsLowerCaseAndTrimmedWhenNormalized(string name, string expected)
    {
        var normalized = DomainNames.Normalize(name);

        Assert.Equal(expected, normalized);
    }

    private static string Label(int length, char letter = 'a') => new(letter, length);
}
