using Microsoft.Playwright;
using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Tokens;

[Collection(ConsoleCollection.Name)]
public sealed class TokenListLayoutTests(ConsoleFixture fixture)
{
    // The words of the table's column headings that the browser split over two lines.
    private const string HeadingWordsSplit = """
        () => [...document.querySelectorAll('[data-testid=tokens] thead th')].flatMap(heading => {
            const split = [];
            const texts = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
            for (let text = texts.nextNode(); text; text = texts.nextNode()) {
                for (const word of text.data.matchAll(/\S+/g)) {
                    const range = document.createRange();
                    range.setStart(text, word.index);
                    range.setEnd(text, word.index + word[0].length);
                    const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
                    if (lines.size > 1) split.push(word[0]);
                }
            }
            return split;
        })
        """;

    [Fact]
    public async Task LongNameWrapsInsideItsCellWhileHeadingsKeepTheirWordsWhole()
    {
        var owner = await fixture.OwnerAsync();
        var name = Unique.Name(new string('x', 200));
        var viewer = new GrantRequest(ResourceRef.Account(owner.AccountId), AccessLevel.Viewer);
        var created = await fixture.Service<TokenService>().CreateAsync(owner, new TokenDraft(name, null, [viewer]));
        Assert.True(created.Succeeded, created.Error);
        var page = await fixture.SignedInPageAsync();
        await page.OpenTokensAsync();
        await page.FilterByNameAsync(name);

        var menu = await page.TokenRow(name).GetByTestId("token-menu").BoundingBoxAsync();
        var splitWords = await page.EvaluateAsync<string[]>(HeadingWordsSplit);

        Assert.NotNull(menu);
        Assert.True(menu.X + menu.Width <= page.ViewportSize!.Width, $"menu at {menu.X} of {page.ViewportSize.Width}");
        Assert.Empty(splitWords);
    }
}
