using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>Calls the app's REST API over its real socket, as a client library would.</summary>
public static class ApiCalls
{
    /// <summary>A client that sends the secret as <c>Authorization: Bearer</c>, or sends nothing when null.</summary>
    public static HttpClient ApiClient(this TestApp app, string? secret = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        if (secret is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A client that sends the secret in the legacy <c>Api-Token</c> header.</summary>
    public static HttpClient LegacyApiClient(this TestApp app, string secret)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Add("Api-Token", secret);
        return client;
    }

    public static async Task<ApiAnswer> CallAsync(
        this HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.SendApiAsync(request);
    }

    public static Task<ApiAnswer> SendGetAsync(this HttpClient client, string path) =>
        client.CallAsync(HttpMethod.Get, path);

    public static Task<ApiAnswer> SendPostAsync(this HttpClient client, string path, string? json = null) =>
        client.CallAsync(HttpMethod.Post, path, json);

    public static Task<ApiAnswer> SendPutAsync(this HttpClient client, string path, string json) =>
        client.CallAsync(HttpMethod.Put, path, json);

    public static Task<ApiAnswer> SendDeleteAsync(this HttpClient client, string path) =>
        client.CallAsync(HttpMethod.Delete, path);

    public static async Task<ApiAnswer> SendApiAsync(this HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ApiAnswer(response.StatusCode, body, response.Headers, response.Content.Headers.ContentType);
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);
}

public sealed record ApiAnswer(
    HttpStatusCode Status,
    string Body,
    HttpResponseHeaders Headers,
    MediaTypeHeaderValue? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.Single() : null;

    public override string ToString() => $"{(int)Status} {Body}";
}
