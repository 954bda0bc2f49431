using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;

/// <summary>
/// An app whose rate limit is out of reach, two accounts of data, and a caller that may see everything in its
/// account and change nothing: a Viewer on the account. No write it sends can rightly succeed.
/// </summary>
public sealed class RobustInputFixture : IAsyncLifetime
{
    private HttpClient _viewer = null!;
    private HttpClient _viewerByLegacyHeader = null!;
    private HttpClient _anonymous = null!;
    private HttpClient _unknownToken = null!;

    public TestApp App { get; } = new(settings: new Dictionary<string, string?>
    {
        ["TokenAdmin:Api:RateLimit"] = "1000000",
    });

    public RobustWorld World { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var owner = await App.OwnerAsync();
        var viewer = await App.NewTokenAsync(owner, Unique.Name("viewer"),
            Arrange.AccountGrant(owner, AccessLevel.Viewer));
        World = await RobustWorld.ArrangeAsync(App);

        _viewer = App.ApiClient(viewer.Secret);
        _viewerByLegacyHeader = App.LegacyApiClient(viewer.Secret);
        _anonymous = App.ApiClient();
        _unknownToken = App.ApiClient(TokenSecret.Generate());
    }

    public async Task<ApiAnswer> SendAsync(RandomRequest request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        message.Content = request.Payload.ToContent();
        return await ClientOf(request.Caller).SendApiAsync(message);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { _viewer, _viewerByLegacyHeader, _anonymous, _unknownToken })
            client?.Dispose();
        await App.DisposeAsync();
    }

    private HttpClient ClientOf(Caller caller) => caller switch
    {
        Caller.Viewer => _viewer,
        Caller.ViewerByLegacyHeader => _viewerByLegacyHeader,
        Caller.Anonymous => _anonymous,
        _ => _unknownToken,
    };
}
