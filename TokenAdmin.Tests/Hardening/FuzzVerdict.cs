using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using TokenAdmin.Tests.Api;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Hardening;

/// <summary>What a random request's answer may be.</summary>
public static class FuzzVerdict
{
    /// <returns>What is wrong with the answer, or null when nothing is.</returns>
    public static string? Problem(FuzzRequest request, ApiAnswer answer)
    {
        var status = (int)answer.Status;
        if (status >= 500)
            return "server error";
        // A traversal can leave /api for the console's pages; there only the absence of a 5xx is asked.
        if (!ReachesApi(request.Target))
            return null;
        if (!request.HasValidToken && status is not (401 or 404 or 405))
            return "a request without a valid token got past authentication";
        if (status is >= 200 and < 300 && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
            return "a change was accepted";
        if (answer.Status == HttpStatusCode.Unauthorized && answer.Headers.WwwAuthenticate.ToString() != "Bearer")
            return "401 without WWW-Authenticate: Bearer";
        if (status < 400 || request.Method == HttpMethod.Head)
            return null;
        return ContractErrors.Problem(answer) is { } problem && !IsFrameworkRefusal(answer) ? problem : null;
    }

    /// <summary>
    /// Whether the server sees the target under <c>/api</c>: like Kestrel, percent-decoded except for an encoded
    /// slash, then with dot segments removed.
    /// </summary>
    public static bool ReachesApi(string target)
    {
        var path = target.Split('?')[0].Replace("%2F", "\u0001").Replace("%2f", "\u0001");
        var segments = new List<string>();
        foreach (var segment in Uri.UnescapeDataString(path).Split('/').Skip(1))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }
        return segments.Count > 0 && segments[0] == "api";
    }

    /// <summary>
    /// What the framework refuses before an endpoint runs (an unknown method for a path), in the shape of the
    /// contract's 404: <c>{"error":"&lt;reason&gt;"}</c>.
    /// </summary>
    private static bool IsFrameworkRefusal(ApiAnswer answer)
    {
        var status = (int)answer.Status;
        var body = JsonSerializer.Serialize(new { error = ReasonPhrases.GetReasonPhrase(status) });
        return answer.ContentType is { MediaType: "application/json", CharSet: "utf-8" } && answer.Body == body;
    }
}
