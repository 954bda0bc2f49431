using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TokenAdmin.Accounts;
using TokenAdmin.Data;
using TokenAdmin.People;

namespace TokenAdmin.Bench;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 over a scratch SQLite file, as the tests host it, but in Production with
/// the shipped log levels raised to Warning and the jobs off, so only what is measured runs.
/// </summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    public const string OwnerEmail = "owner@bench.test";
    public const string OwnerPassword = "Bench-pass-1";

    public BenchApp()
    {
        DataDirectory = Directory.CreateTempSubdirectory("tokenadmin-bench-").FullName;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public string DataDirectory { get; }

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public AppDbContext CreateDbContext() => Get<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public async Task<Actor> OwnerAsync()
    {
        await using var db = CreateDbContext();
        var owner = await db.Users.SingleAsync(user => user.Email == OwnerEmail);
        return (await db.LoadPersonAsync(owner.Id))!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Outside Development the packages' static files (MudBlazor's) are found only through this manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("TokenAdmin:DataDirectory", DataDirectory);
        builder.UseSetting("TokenAdmin:Jobs:Enabled", "false");
        builder.UseSetting("TokenAdmin:Bootstrap:OwnerEmail", OwnerEmail);
        builder.UseSetting("TokenAdmin:Bootstrap:OwnerPassword", OwnerPassword);
        builder.UseSetting("TokenAdmin:Bootstrap:AccountName", "Bench account");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
