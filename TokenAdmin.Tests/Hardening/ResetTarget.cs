using System.Net;
using System.Net.Sockets;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Hardening;

/// <summary>A token that the kill test resets, as it was created, and what became of its reset request.</summary>
public sealed record ResetTarget(int Id, string Name, string Secret, DateTimeOffset? ExpiresAt)
{
    public ResetState State { get; private set; } = ResetState.NotSent;

    /// <summary>The successor's id and secret, known only when the reset was answered.</summary>
    public (int Id, string Secret)? Successor { get; private set; }

    public async Task ResetAsync(HttpClient client)
    {
        State = ResetState.Sent;
        try
        {
            var answer = await client.SendPostAsync($"/api/api_tokens/{Id}/reset");
            State = answer.Status == HttpStatusCode.OK ? ResetState.Answered : ResetState.Rejected;
            if (State == ResetState.Answered)
                Successor = (answer.Json.GetProperty("id").GetInt32(), answer.Json.GetProperty("token").GetString()!);
        }
        catch (HttpRequestException error)
        {
            State = IsRefusedConnection(error) ? ResetState.ConnectionRefused : ResetState.Unanswered;
        }
    }

    /// <summary>Without the secret, for failure messages.</summary>
    public override string ToString() => $"token {Id} \"{Name}\" ({State})";

    private static bool IsRefusedConnection(HttpRequestException error) =>
        error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
}

public enum ResetState
{
    NotSent,
    Sent,
    Answered,

    /// <summary>Answered with another status than 200.</summary>
    Rejected,

    /// <summary>In flight when the server was killed: the connection broke before an answer came.</summary>
    Unanswered,

    /// <summary>
    /// The server was gone when the client connected. Not proof that nothing happened: after a connection breaks,
    /// HttpClient may send a request again on a new one, so an earlier attempt may have reached the server.
    /// </summary>
    ConnectionRefused,
}
