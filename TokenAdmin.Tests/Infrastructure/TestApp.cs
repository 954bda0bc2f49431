using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TokenAdmin.Accounts;
using TokenAdmin.Data;
using TokenAdmin.People;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// The real app on a real socket (127.0.0.1, a free port) over its own scratch SQLite file, or its own PostgreSQL
/// database (see <see cref="TestDatabase"/>), with a fake clock that starts at the real present. Its log lines are
/// captured at Debug and checked for secrets: a leak fails the test that caused it (see
/// <see cref="NoSecretsLoggedAttribute"/>) and the app's dispose.
/// </summary>
public class TestApp : WebApplicationFactory<Program>
{
    public const string OwnerEmail = "owner@example.test";
    public const string OwnerPassword = "Owner-pass-1";

    private static readonly ConcurrentDictionary<TestApp, string?> RunningApps = new();

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _keepDataDirectory;

    /// <param name="dataDirectory">An existing data folder, to start the app again over the same database.</param>
    /// <param name="start">Where the clock starts; the real present by default.</param>
    /// <param name="postgreSql">PostgreSQL or SQLite; by default what <see cref="TestDatabase"/> says.</param>
    /// <param name="clockRuns">Whether the clock also moves with real time (see <see cref="TestClock.Run"/>).</param>
    public TestApp(
        bool withOwner = true,
        IDictionary<string, string?>? settings = null,
        string? dataDirectory = null,
        DateTimeOffset? start = null,
        bool? postgreSql = null,
        bool clockRuns = false)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("tokenadmin-test-").FullName;
        _keepDataDirectory = dataDirectory is not null;
        Clock = new TestClock(start ?? DateTimeOffset.UtcNow);
        if (clockRuns)
            Clock.Run();
        _settings = new Dictionary<string, string?>
        {
            ["TokenAdmin:DataDirectory"] = DataDirectory,
            // Tests trigger the jobs themselves, or switch them on, so nothing runs behind their back.
            ["TokenAdmin:Jobs:Enabled"] = "false",
        };
        if (postgreSql ?? TestDatabase.PostgreSqlByDefault)
        {
            PostgreSqlConnectionString = TestDatabase.PostgreSqlFor(DataDirectory);
            foreach (var (key, value) in TestDatabase.PostgreSqlSettings(PostgreSqlConnectionString))
                _settings[key] = value;
        }
        if (withOwner)
        {
            _settings["TokenAdmin:Bootstrap:OwnerEmail"] = OwnerEmail;
            _settings["TokenAdmin:Bootstrap:OwnerPassword"] = OwnerPassword;
            _settings["TokenAdmin:Bootstrap:AccountName"] = "Test account";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;

        RunningApps[this] = TestContext.Current.TestCollection?.UniqueID;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public string DataDirectory { get; }

    /// <summary>The app's own PostgreSQL database; null when it runs on SQLite.</summary>
    public string? PostgreSqlConnectionString { get; }

    public LogCapture Logs { get; } = new();

    public TestClock Clock { get; }

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public AppDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>Adds a person with the given grants to the owner's account, ready to sign in.</summary>
    public async Task<ApplicationUser> AddPersonAsync(string email, string password, params Grant[] grants)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));

        await using var db = CreateDbContext();
        var accountId = await db.Accounts.Select(a => a.Id).FirstAsync();
        db.AccountAccesses.Add(new AccountAccess { AccountId = accountId, UserId = user.Id, Grants = [.. grants] });
        await db.SaveChangesAsync();
        return user;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Settings go in as host settings, so start-up code that reads configuration early sees them too.
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        // Debug for every category, for the capture only: the console keeps the configured levels.
        builder.ConfigureLogging(logging => logging
            .AddProvider(Logs)
            .AddFilter<LogCapture>(category: null, LogLevel.Debug));
        builder.ConfigureTestServices(services => services
            .AddSingleton<TimeProvider>(Clock)
            .RecordProtectedSecrets(Logs));
    }

    /// <summary>The apps alive in a test collection, by its unique id.</summary>
    public static IEnumerable<TestApp> Running(string collectionId) =>
        RunningApps.Where(pair => pair.Value == collectionId).Select(pair => pair.Key);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        if (!_keepDataDirectory)
        {
            TryDeleteDataDirectory();
            if (PostgreSqlConnectionString is not null)
                PostgreSqlServer.Instance.DropDatabase(PostgreSqlConnectionString);
        }
        if (RunningApps.TryRemove(this, out _) && Logs.TakeNewLeaks() is { Count: > 0 } leaks)
            throw new SecretLoggedException(leaks);
    }

    private void TryDeleteDataDirectory()
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless; failing the run over it is not.
        }
    }
}
