using Microsoft.Extensions.Options;
using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.CommandLine;

public sealed record CreateTokenCommand(
    int AccountId,
    string Name,
    IReadOnlyList<GrantRequest> Grants,
    RequestedExpiry Expiry) : IOperatorCommand
{
    public async Task<int> RunAsync(CommandContext context)
    {
        if (await context.Get<AccountNames>().GetAsync(AccountId) is null)
            return context.Refuse(AccountRefusals.NotFound(AccountId));
        var actor = OperatorActor.For(AccountId);
        var tree = (await context.Get<AccessReader>().GetAsync(actor)).Tree;
        var missing = Grants.Select(grant => grant.Resource).Where(r => !tree.Contains(r)).ToList();
        if (missing.Count > 0)
            return context.Refuse($"there is no {GrantArgument.Describe(missing[0])} in account {AccountId}");

        var now = context.Get<TimeProvider>().GetUtcNow();
        var expiresAt = Expiry.Resolve(context.Get<IOptions<TokenOptions>>().Value, now);
        var created = await context.Get<TokenService>().CreateAsync(actor, new TokenDraft(Name, expiresAt, Grants));
        if (!created.Succeeded)
            return context.Refuse($"the token was refused: {created.Error}");

        context.Out.WriteLine(created.Value!.Secret);
        return ExitCodes.Done;
    }
}
