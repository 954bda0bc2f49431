using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using TokenAdmin.Accounts;

namespace TokenAdmin.Tokens;

/// <summary>Makes new tokens: a fresh secret, its hash, and (unless in show-once mode) its encrypted copy.</summary>
public sealed class TokenIssuer(IDataProtectionProvider protection, IOptions<TokenOptions> options, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("TokenAdmin.Tokens.Secret.v1");

    public IssuedToken Issue(Actor creator, string name, DateTimeOffset? expiresAt, IEnumerable<GrantRequest> grants)
    {
        var secret = TokenSecret.Generate();
        var token = new ApiToken
        {
            AccountId = creator.AccountId,
            Name = name,
            SecretHash = TokenSecret.Hash(secret),
            EncryptedSecret = options.Value.CopyAfterCreate ? _protector.Protect(secret) : null,
            Last4 = TokenSecret.Last4(secret),
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = creator.UserId,
            CreatedByTokenId = creator.TokenId,
            CreatedByName = creator.DisplayName,
            ExpiresAt = expiresAt,
            Access = new AccountAccess
            {
                AccountId = creator.AccountId,
                Grants = grants.Select(grant => grant.ToGrant()).ToList(),
            },
        };
        return new IssuedToken(token, secret);
    }

    public string? Reveal(ApiToken token) =>
        token.EncryptedSecret is null ? null : _protector.Unprotect(token.EncryptedSecret);
}

/// <summary>A token just made, with the only plaintext copy of its secret.</summary>
public sealed record IssuedToken(ApiToken Token, string Secret);
