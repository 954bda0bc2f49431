using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Data.PostgreSql;

/// <summary>
/// The console of two nodes sharing one PostgreSQL database, in a real browser: a person signed in on either
/// node copies tokens made on the other, their secrets encrypted with the key ring both read from the database.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed class TwoNodeConsoleTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private TestApp A => fixture.Cluster.A;

    private TestApp B => fixture.Cluster.B;

    [Fact]
    public async Task EitherNodesConsoleCopiesTheSecretWhenTheTokenWasCreatedOnTheOther()
    {
        var fromA = await NewTokenAsync(A);
        var fromB = await NewTokenAsync(B);
        await using var browser = await Browser.LaunchAsync();

        var copiedOnB = await CopyInConsoleAsync(browser, B, fromA.Token.Name);
        var copiedOnA = await CopyInConsoleAsync(browser, A, fromB.Token.Name);

        Assert.Equal(fromA.Secret, copiedOnB);
        Assert.Equal(fromB.Secret, copiedOnA);
        await using var db = A.CreateDbContext();
        var copied = await db.AuditEntries
            .Where(entry => entry.Event == "token.copied")
            .Select(entry => entry.SubjectName)
            .ToListAsync();
        Assert.Contains(fromA.Token.Name, copied);
        Assert.Contains(fromB.Token.Name, copied);
    }

    private static async Task<IssuedToken> NewTokenAsync(TestApp node)
    {
        var owner = await node.OwnerAsync();
        var grant = Arrange.AccountGrant(owner, AccessLevel.Viewer);
        return await node.NewTokenAsync(owner, Unique.Name("node token"), grant);
    }

    /// <summary>
    /// Signs in on the node in a browser context of its own (cookies do not keep ports apart) and chooses Copy
    /// token; returns what the clipboard then holds.
    /// </summary>
    private static async Task<string> CopyInConsoleAsync(Browser browser, TestApp node, string name)
    {
        await using var context = await browser.Chromium.NewContextAsync(new()
        {
            BaseURL = node.BaseUrl,
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(node.BaseUrl, TestApp.OwnerEmail, TestApp.OwnerPassword);
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);

        await page.OpenTokenMenuAsync(name);
        await page.ChooseMenuItemAsync("Copy token");

        await Assertions.Expect(page.GetByText($"Token \"{name}\" copied to the clipboard.")).ToBeVisibleAsync();
        await Assertions.Expect(page.ErrorBar()).ToBeHiddenAsync();
        return await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
    }
}
