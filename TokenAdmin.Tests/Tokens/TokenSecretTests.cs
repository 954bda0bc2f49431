using System.Security.Cryptography;
using System.Text;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

public sealed class TokenSecretTests
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    [Fact]
    public void SecretIsPrefixAndBase62BodyOf54CharactersWhenGenerated()
    {
        var secret = TokenSecret.Generate();

        var outsideBase62 = string.Concat(secret[5..].Where(c => !Base62.Contains(c)));

        Assert.Equal("tadm_", secret[..5]);
        Assert.Equal(54, secret.Length);
        Assert.Equal("", outsideBase62);
    }

    [Fact]
    public void SecretsDifferWhenGeneratedRepeatedly()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => TokenSecret.Generate()).ToList();

        var distinct = secrets.Distinct().Count();

        Assert.Equal(100, distinct);
    }

    [Fact]
    public void SecretIsWellFormedWhenGenerated()
    {
        var secret = TokenSecret.Generate();

        var wellFormed = TokenSecret.IsWellFormed(secret);

        Assert.True(wellFormed);
    }

    [Fact]
    public void SecretIsMalformedWhenAnySingleCharacterChanges()
    {
        var secret = TokenSecret.Generate();

        var changed = (
            from position in Enumerable.Range(0, secret.Length)
            from replacement in Base62
            where replacement != secret[position]
            select Replace(secret, position, replacement)).ToList();
        var accepted = changed.Where(candidate => TokenSecret.IsWellFormed(candidate)).ToList();

        // Every position gets all 61 other base62 characters; the underscore at 4 gets all 62.
        Assert.Equal(53 * 61 + 62, changed.Count);
        Assert.Equal([], accepted);
    }

    [Fact]
    public void ShapeHoldsButChecksumFailsWhenOnlyTheChecksumIsWrong()
    {
        var secret = TokenSecret.Generate();
        var last = secret[^1] == '0' ? '1' : '0';

        var forged = Replace(secret, secret.Length - 1, last);

        Assert.True(TokenSecret.HasShape(forged));
        Assert.False(TokenSecret.IsWellFormed(forged));
    }

    [Fact]
    public void SecretIsMalformedWhenLengthPrefixOrAlphabetIsWrong()
    {
        var secret = TokenSecret.Generate();
        string[] candidates =
        [
            "",
            secret[..^1],
            secret + "0",
            secret[5..] + "tadm_",
            "TADM_" + secret[5..],
            "tadm-" + secret[5..],
            Replace(secret, 20, 'é'),
            Replace(secret, 20, '-'),
            " " + secret[1..],
        ];

        var verdicts = candidates.Select(candidate => TokenSecret.IsWellFormed(candidate)).ToList();
        var shapes = candidates.Select(candidate => TokenSecret.HasShape(candidate)).ToList();

        Assert.Equal(Enumerable.Repeat(false, candidates.Length), verdicts);
        Assert.Equal(Enumerable.Repeat(false, candidates.Length), shapes);
    }

    [Fact]
    public void HashIsSha256OfTheUtf8TextWhenComputed()
    {
        var secret = TokenSecret.Generate();

        var hash = TokenSecret.Hash(secret);
        var knownVector = Convert.ToHexStringLower(TokenSecret.Hash("abc"));

        Assert.Equal(32, hash.Length);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), hash);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", knownVector);
    }

    [Fact]
    public void HashesDifferWhenSecretsDiffer()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => TokenSecret.Generate()).ToList();

        var distinct = secrets.Select(secret => Convert.ToHexString(TokenSecret.Hash(secret))).Distinct().Count();

        Assert.Equal(100, distinct);
    }

    [Fact]
    public void Last4IsTheFinalFourCharactersWhenTakenFromASecret()
    {
        const string secret = "tadm_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg0Q1w2E";

        var last4 = TokenSecret.Last4(secret);

        Assert.Equal("1w2E", last4);
    }

    private static string Replace(string text, int position, char replacement) =>
        text[..position] + replacement + text[(position + 1)..];
}
