using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.CommandLine;

/// <summary>Every token of the account, oldest first, without secrets.</summary>
public sealed record ListTokensCommand(int AccountId) : IOperatorCommand
{
    private const int PageSize = 500;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (await context.Get<AccountNames>().GetAsync(AccountId) is null)
            return context.Refuse(AccountRefusals.NotFound(AccountId));

        var queries = context.Get<TokenQueries>();
        var now = context.Get<TimeProvider>().GetUtcNow();
        var query = new TokenListQuery { Sort = TokenSort.Created, Descending = false, Take = PageSize };
        TokenPage page;
        do
        {
            page = await queries.ListAsync(OperatorActor.For(AccountId), query);
            foreach (var token in page.Rows)
                context.Out.WriteLine(Line(token, now));
            query = query with { Skip = query.Skip + PageSize };
        }
        while (query.Skip < page.Total);
        return ExitCodes.Done;
    }

    private static string Line(TokenRow token, DateTimeOffset now) => TableText.Row(
        token.Id.ToString(),
        token.Name,
        token.Last4,
        token.CreatedBy,
        TableText.Instant(token.CreatedAt),
        token.ExpiresAt is { } end ? TableText.Instant(end) : "never",
        token.StateAt(now).ToString(),
        token.Access);
}
