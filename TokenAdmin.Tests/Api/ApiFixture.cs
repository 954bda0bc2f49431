using TokenAdmin.Accounts;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;

/// <summary>One running app for a class of API tests, with the owner to arrange data through the services.</summary>
public class ApiFixture : IAsyncDisposable
{
    public ApiFixture()
        : this(settings: null)
    {
    }

    protected ApiFixture(IDictionary<string, string?>? settings) => App = new TestApp(settings: settings);

    public TestApp App { get; }

    public Task<Actor> OwnerAsync() => App.OwnerAsync();

    /// <summary>A new token holding the given grants (account Admin when none), and a client that sends it.</summary>
    public async Task<(IssuedToken Token, HttpClient Client)> CallerAsync(params GrantRequest[] grants)
    {
        var owner = await OwnerAsync();
        if (grants.Length == 0)
            grants = [Arrange.AccountGrant(owner, AccessLevel.Admin)];
        var token = await App.NewTokenAsync(owner, Unique.Name("caller"), grants);
        return (token, App.ApiClient(token.Secret));
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
