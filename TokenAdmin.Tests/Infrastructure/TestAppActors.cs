using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TokenAdmin.Accounts;
using TokenAdmin.People;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>Who acts in service-level tests, and the app's services they call.</summary>
public static class TestAppActors
{
    public static T Get<T>(this TestApp app) where T : notnull => app.Services.GetRequiredService<T>();

    public static async Task<Actor> OwnerAsync(this TestApp app)
    {
        await using var db = app.CreateDbContext();
        var owner = await db.Users.SingleAsync(user => user.Email == TestApp.OwnerEmail);
        return (await db.LoadPersonAsync(owner.Id))!;
    }

    /// <summary>A new person in the owner's account holding exactly the given grants.</summary>
    public static async Task<Actor> PersonAsync(this TestApp app, params Grant[] grants)
    {
        var user = await app.AddPersonAsync($"{Unique.Name("person")}@example.test", "Person-pass-1", grants);
        await using var db = app.CreateDbContext();
        return (await db.LoadPersonAsync(user.Id))!;
    }
}
