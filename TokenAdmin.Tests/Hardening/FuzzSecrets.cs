using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Hardening;

/// <summary>
/// The secrets random requests carry. None may change anything: two are valid but powerless (a Viewer, and an
/// Admin token in its grace window, which only reads), the rest are refused, and a live Admin secret only ever
/// travels where tokens are never read (query string and cookie).
/// </summary>
public sealed record FuzzSecrets(
    string Viewer,
    string ReplacedInGrace,
    string Expired,
    string Deleted,
    string ReplacedPastGrace,
    string Unknown,
    string BadChecksum,
    string Admin)
{
    /// <summary>Issues the tokens behind the secrets; moves the clock two days on.</summary>
    public static async Task<FuzzSecrets> ArrangeAsync(TestApp app)
    {
        var owner = await app.OwnerAsync();
        var admin = Arrange.AccountGrant(owner, AccessLevel.Admin);
        var expiring = new TokenDraft(Unique.Name("expired"), app.Clock.GetUtcNow().AddDays(1), [admin]);
        var expired = (await app.Get<TokenService>().CreateAsync(owner, expiring)).Value!.Secret;
        var pastGrace = await app.NewTokenAsync(owner, Unique.Name("replaced past grace"), admin);
        await ResetAsync(app, owner, pastGrace.Token.Id, TimeSpan.FromHours(1));
        var deleted = await app.NewTokenAsync(owner, Unique.Name("deleted"), admin);
        await app.Get<TokenService>().DeleteAsync(owner, deleted.Token.Id);

        app.Clock.Advance(TimeSpan.FromDays(2));
        var inGrace = await app.NewTokenAsync(owner, Unique.Name("replaced in grace"), admin);
        await ResetAsync(app, owner, inGrace.Token.Id, TimeSpan.FromHours(12));
        var viewer = await app.NewTokenAsync(owner, Unique.Name("viewer"),
            Arrange.AccountGrant(owner, AccessLevel.Viewer));
        var live = await app.NewTokenAsync(owner, Unique.Name("admin"), admin);
        // ASP.NET Core's request log writes the URL with its query string: the README's known limitation.
        app.Logs.Allow(live.Secret, "Microsoft.AspNetCore.Hosting.Diagnostics");

        return new FuzzSecrets(viewer.Secret, inGrace.Secret, expired, deleted.Secret, pastGrace.Secret,
            TokenSecret.Generate(), WithBrokenChecksum(TokenSecret.Generate()), live.Secret);
    }

    private static async Task ResetAsync(TestApp app, Actor owner, int tokenId, TimeSpan grace)
    {
        var reset = await app.Get<TokenResetService>().ResetAsync(owner, new TokenReset(tokenId, grace));
        Assert.True(reset.Succeeded, reset.Error);
    }

    private static string WithBrokenChecksum(string secret) =>
        secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a');
}
