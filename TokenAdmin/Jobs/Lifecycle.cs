using TokenAdmin.Sandboxes;
using TokenAdmin.Tokens;

namespace TokenAdmin.Jobs;

/// <summary>What the jobs do, kept out of Quartz so it is tested at exact instants without a scheduler.</summary>
public sealed class Lifecycle(
    TokenLifecycle tokens,
    VerifiedTokenCache verifiedTokens,
    SandboxCredentialService credentials,
    ILogger<Lifecycle> logger)
{
    public async Task RecordExpiriesAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var expiredTokens = await tokens.RecordExpiriesAsync(now, ct);
        verifiedTokens.RemoveExpired(now);
        var expiredCredentials = await credentials.RecordExpiriesAsync(now, ct);
        logger.LogInformation("Expiry run recorded {TokenCount} tokens and {CredentialCount} sandbox credentials",
            expiredTokens, expiredCredentials);
    }

    public async Task DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var deletedTokens = await tokens.DeleteExpiredAsync(now, ct);
        verifiedTokens.RemoveExpired(now);
        var deletedCredentials = await credentials.DeleteExpiredAsync(now, ct);
        logger.LogInformation("Cleanup run deleted {TokenCount} tokens and {CredentialCount} sandbox credentials",
            deletedTokens, deletedCredentials);
    }
}
