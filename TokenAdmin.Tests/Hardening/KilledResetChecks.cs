using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Api;
using TokenAdmin.Audit;
using TokenAdmin.Data;
using TokenAdmin.Data.PostgreSql;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Hardening;

/// <summary>What the kill test requires of each token after the restart: in the database, then over the API.</summary>
public static class KilledResetChecks
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(12);

    // An id no token has: a live token's reset of it is 404, a replaced token's any change 403.
    private const string UnknownReset = "/api/api_tokens/2147483647/reset";

    /// <summary>Reads the SQLite file directly: each target untouched or fully reset, and no other token.</summary>
    /// <returns>Every stored token by id.</returns>
    public static async Task<Dictionary<int, ApiToken>> AssertStoredAsync(
        string dataDirectory, List<ResetTarget> targets)
    {
        await using var db = Open(dataDirectory);
        var tokens = await db.ApiTokens.AsNoTracking().Include(t => t.Access.Grants).ToDictionaryAsync(t => t.Id);
        var resets = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Event == AuditEvents.TokenReset)
            .ToListAsync();

        var successors = new List<int>();
        foreach (var target in targets)
        {
            Assert.True(tokens.TryGetValue(target.Id, out var old), $"token {target.Id} is gone");
            var entries = resets.Where(e => e.SubjectId == $"{target.Id}").ToList();
            if (old.ResetAt is null)
                AssertUntouched(target, old, entries);
            else
                successors.Add(AssertFullyReset(target, old, tokens, entries));
        }

        var caller = tokens.Values.Single(t => t.Name == KilledDuringResetTests.CallerName);
        int[] expected = [caller.Id, .. targets.Select(t => t.Id), .. successors];
        Assert.Equal(expected.Order(), tokens.Keys.Order());
        Assert.Equal(successors.Count, resets.Count);
        return tokens;
    }

    /// <summary>Over the restarted server: old secrets read, a reset one changes nothing, successors work.</summary>
    public static async Task AssertSecretsAsync(
        ServerProcess server, List<ResetTarget> targets, Dictionary<int, ApiToken> stored)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        foreach (var target in targets)
        {
            var old = stored[target.Id];
            var self = await SendAsync(client, target.Secret, HttpMethod.Get, "/api/api_tokens/self");
            var change = await SendAsync(client, target.Secret, HttpMethod.Post, UnknownReset);

            Assert.True(self.Status == HttpStatusCode.OK, $"{target}: {self}");
            Assert.Equal(ApiJson.Instant(old.ExpiresAt), self.Json.GetProperty("expires_at").GetString());
            Assert.Equal(old.ResetAt is null ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, change.Status);
            if (target.Successor is not { } successor)
                continue;
            var successorSelf = await SendAsync(client, successor.Secret, HttpMethod.Get, "/api/api_tokens/self");
            var successorChange = await SendAsync(client, successor.Secret, HttpMethod.Post, UnknownReset);
            Assert.Equal(successor.Id, successorSelf.Json.GetProperty("id").GetInt32());
            Assert.Equal(HttpStatusCode.NotFound, successorChange.Status);
        }
    }

    private static void AssertUntouched(ResetTarget target, ApiToken old, List<AuditEntry> entries)
    {
        Assert.True(target.State != ResetState.Answered, $"{target}: answered, but not reset");
        Assert.Equal((null, target.ExpiresAt, 0), (old.SuccessorId, old.ExpiresAt, old.Version));
        Assert.Empty(entries);
    }

    /// <returns>The successor's id.</returns>
    private static int AssertFullyReset(
        ResetTarget target, ApiToken old, Dictionary<int, ApiToken> tokens, List<AuditEntry> entries)
    {
        Assert.True(target.State != ResetState.NotSent, $"{target}: reset without a request");
        Assert.True(old.SuccessorId is { } id && tokens.ContainsKey(id), $"{target}: reset without a successor");
        var successor = tokens[old.SuccessorId!.Value];
        Assert.Equal(old.ResetAt + Grace, old.ExpiresAt);
        Assert.Equal((TokenNames.WithId(target.Name, successor.Id), target.ExpiresAt, null),
            (successor.Name, successor.ExpiresAt, successor.ResetAt));
        Assert.Equal(old.Access.Grants.AsTriples(), successor.Access.Grants.AsTriples());
        Assert.Contains($"Replaced by token {successor.Id} ", Assert.Single(entries).Change);
        if (target.Successor is { } answered)
            Assert.Equal(answered.Id, successor.Id);
        return successor.Id;
    }

    private static async Task<ApiAnswer> SendAsync(HttpClient client, string secret, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await client.SendApiAsync(request);
    }

    private static AppDbContext Open(string dataDirectory) => TestDatabase.PostgreSqlByDefault
        ? new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>()
            .UseNpgsql(TestDatabase.PostgreSqlFor(dataDirectory))
            .Options)
        : new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(dataDirectory, "tokenadmin.db")};Pooling=False")
            .Options);
}
