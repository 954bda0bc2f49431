using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

public sealed class TokenNamesTests
{
    [Theory]
    [InlineData("CI deploy", 1241, "CI deploy token 1241")]
    [InlineData("example.com token 1234", 1240, "example.com token 1240")]
    [InlineData("Staging Token", 1242, "Staging Token 1242")]
    public void IdIsAppendedInTheAutoCreatedStyleWhenTheSpecExamplesAreRenamed(string name, int id, string expected)
    {
        var renamed = TokenNames.WithId(name, id);

        Assert.Equal(expected, renamed);
    }

    [Theory]
    [InlineData("example.com token", 1234, "example.com token 1234")]
    [InlineData("CI deploy token 1241", 1250, "CI deploy token 1250")]
    [InlineData("  CI deploy  ", 7, "CI deploy token 7")]
    [InlineData("Release 2024", 7, "Release 2024 token 7")]
    public void OnlyOurOwnSuffixIsReplacedWhenANameIsRenamedAgain(string name, int id, string expected)
    {
        var renamed = TokenNames.WithId(name, id);

        Assert.Equal(expected, renamed);
    }

    [Fact]
    public void NameStaysWithin255CharactersWhenTheOldNameHas255()
    {
        var name = new string('a', 255);

        var renamed = TokenNames.WithId(name, 1243);

        Assert.Equal(new string('a', 244) + " token 1243", renamed);
        Assert.Equal(255, renamed.Length);
    }
}
