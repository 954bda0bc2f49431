using Microsoft.EntityFrameworkCore;
using TokenAdmin.Sandboxes;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Sandboxes;

/// <summary>
/// The job methods act on every credential of the database, so each test has an app of its own and
/// counts exactly. Arranged: sandbox A reset at T (its first pair ends at T + 12 h), sandbox B whose
/// current pair ends at T + 1 h by its own expiry.
/// </summary>
public sealed class SandboxCredentialJobsTests : IAsyncLifetime
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    private readonly TestApp _app = new();
    private DateTimeOffset _resetAt;
    private int _sandboxA;
    private int _sandboxB;

    private DateTimeOffset GraceEnd => _resetAt + TimeSpan.FromHours(12);

    private DateTimeOffset OwnExpiry => _resetAt + TimeSpan.FromHours(1);

    private SandboxCredentialService Credentials => _app.Get<SandboxCredentialService>();

    public async ValueTask InitializeAsync()
    {
        var owner = await _app.OwnerAsync();
        _sandboxA = (await _app.NewSandboxAsync(owner)).Id;
        _sandboxB = (await _app.NewSandboxAsync(owner)).Id;
        _resetAt = _app.Clock.GetUtcNow();
        await Credentials.ResetAsync(owner, _sandboxA);
        var currentOfB = (await _app.StoredCredentialsAsync(_sandboxB)).Single();
        await _app.SetExpiryAsync(currentOfB.Id, OwnExpiry);
    }

    [Fact]
    public async Task EachExpiryIsRecordedOnceWhenRecordExpiriesRunsRepeatedly()
    {
        var ct = TestContext.Current.CancellationToken;

        int[] counts =
        [
            await Credentials.RecordExpiriesAsync(OwnExpiry - Millisecond, ct),
            await Credentials.RecordExpiriesAsync(OwnExpiry, ct),
            await Credentials.RecordExpiriesAsync(OwnExpiry, ct),
            await Credentials.RecordExpiriesAsync(GraceEnd - Millisecond, ct),
            await Credentials.RecordExpiriesAsync(GraceEnd, ct),
            await Credentials.RecordExpiriesAsync(GraceEnd + Millisecond, ct),
        ];

        Assert.Equal([0, 1, 0, 0, 1, 0], counts);
        Assert.Equal(1, await CountEventsAsync(_sandboxA, "sandbox.credentials_expired"));
        Assert.Equal(1, await CountEventsAsync(_sandboxB, "sandbox.credentials_expired"));
        Assert.Equal(2, (await _app.StoredCredentialsAsync(_sandboxA)).Count);
        Assert.Equal(
            [GraceEnd, null],
            (await _app.StoredCredentialsAsync(_sandboxA)).Select(c => c.ExpiryRecordedAt));
    }

    [Fact]
    public async Task ExpiredCredentialsAreDeletedOnceAndOthersKeptWhenDeleteExpiredRunsRepeatedly()
    {
        var ct = TestContext.Current.CancellationToken;

        int[] counts =
        [
            await Credentials.DeleteExpiredAsync(OwnExpiry - Millisecond, ct),
            await Credentials.DeleteExpiredAsync(OwnExpiry, ct),
            await Credentials.DeleteExpiredAsync(OwnExpiry, ct),
            await Credentials.DeleteExpiredAsync(GraceEnd - Millisecond, ct),
            await Credentials.DeleteExpiredAsync(GraceEnd, ct),
            await Credentials.DeleteExpiredAsync(GraceEnd + Millisecond, ct),
        ];

        var remaining = await _app.StoredCredentialsAsync(_sandboxA);
        Assert.Equal([0, 1, 0, 0, 1, 0], counts);
        Assert.Empty(await _app.StoredCredentialsAsync(_sandboxB));
        Assert.Single(remaining, c => c.ResetAt == null && c.ExpiresAt == null);
        foreach (var sandbox in new[] { _sandboxA, _sandboxB })
        {
            Assert.Equal(1, await CountEventsAsync(sandbox, "sandbox.credentials_expired"));
            Assert.Equal(1, await CountEventsAsync(sandbox, "sandbox.credentials_cleaned_up"));
        }
    }

    [Fact]
    public async Task ExpiryIsNotRecordedTwiceWhenCleanupRunsAfterTheExpiryJob()
    {
        var ct = TestContext.Current.CancellationToken;

        var recorded = await Credentials.RecordExpiriesAsync(GraceEnd, ct);
        var deleted = await Credentials.DeleteExpiredAsync(GraceEnd, ct);

        Assert.Equal((2, 2), (recorded, deleted));
        Assert.Equal(1, await CountEventsAsync(_sandboxA, "sandbox.credentials_expired"));
        Assert.Equal(1, await CountEventsAsync(_sandboxA, "sandbox.credentials_cleaned_up"));
        Assert.Equal(1, await CountEventsAsync(_sandboxB, "sandbox.credentials_expired"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> CountEventsAsync(int sandboxId, string auditEvent)
    {
        await using var db = _app.CreateDbContext();
        var subjectId = sandboxId.ToString();
        return await db.AuditEntries.CountAsync(
            e => e.SubjectType == "sandbox" && e.SubjectId == subjectId && e.Event == auditEvent);
    }
}
