using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Data;

namespace TokenAdmin.People;

/// <summary>Resolves the signed-in person of a circuit into an <see cref="Actor"/>, fresh on every call.</summary>
public sealed class CurrentPerson(
    AuthenticationStateProvider authentication,
    IDbContextFactory<AppDbContext> dbFactory,
    ClientAddress address,
    IHttpContextAccessor http)
{
    public async Task<Actor?> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return null;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.LoadPersonAsync(userId, cancellationToken);
        // A circuit captured its address when it connected; a static page still has its own request at hand.
        var source = address.Value ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return person is null ? null : person with { SourceAddress = source };
    }
}
