using System.Net;
using System.Text.Json;
using TokenAdmin.Jobs;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Hardening;

/// <summary>
/// One round of load with a single token: reads and creates in parallel with a reset of another token through
/// the API and a cleanup run, all started at once.
/// </summary>
public sealed class ParallelRound(TestApp app, HttpClient caller, int accountId, int round)
{
    public const int Calls = 50;

    public List<string> Unexpected { get; } = [];

    public List<int> Created { get; } = [];

    public int? SuccessorId { get; private set; }

    public async Task RunAsync(int resetTargetId)
    {
        var calls = Enumerable.Range(0, Calls).Select(call => Task.Run(() => CallAsync(call, resetTargetId)));
        var reset = Task.Run(() => ResetAsync(resetTargetId));
        var cleanup = Task.Run(() => app.Get<Lifecycle>().DeleteExpiredAsync(app.Clock.GetUtcNow()));

        await Task.WhenAll([.. calls, reset, cleanup]);
    }

    private async Task CallAsync(int call, int resetTargetId)
    {
        var (method, path, body) = (call % 5) switch
        {
            0 => (HttpMethod.Get, "/api/api_tokens/self", null),
            1 => (HttpMethod.Get, $"/api/accounts/{accountId}/api_tokens", null),
            3 => (HttpMethod.Get, $"/api/api_tokens/{resetTargetId}", null),
            _ => (HttpMethod.Post, "/api/api_tokens", CreateBody(call)),
        };
        var answer = await caller.CallAsync(method, path, body);
        if (!Expect(answer, $"{method} {path}"))
            return;
        if (method == HttpMethod.Post)
        {
            lock (Created)
                Created.Add(answer.Json.GetProperty("id").GetInt32());
        }
    }

    private async Task ResetAsync(int resetTargetId)
    {
        var answer = await caller.SendPostAsync($"/api/accounts/{accountId}/api_tokens/{resetTargetId}/reset");
        if (Expect(answer, $"reset {resetTargetId}"))
            SuccessorId = answer.Json.GetProperty("id").GetInt32();
    }

    private bool Expect(ApiAnswer answer, string what)
    {
        if (answer.Status == HttpStatusCode.OK)
            return true;
        lock (Unexpected)
            Unexpected.Add($"round {round}, {what}: {answer}");
        return false;
    }

    public static string NameOf(int round, int call) => $"parallel r{round} c{call}";

    private string CreateBody(int call) => JsonSerializer.Serialize(new
    {
        name = NameOf(round, call),
        resources = new[] { new { resource_type = "account", resource_id = accountId, access_level = 10 } },
    });
}
