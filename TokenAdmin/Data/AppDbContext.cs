using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.People;
using TokenAdmin.Projects;
using TokenAdmin.Sandboxes;
using TokenAdmin.SendingDomains;
using TokenAdmin.Tokens;

namespace TokenAdmin.Data;

public class AppDbContext : IdentityDbContext<ApplicationUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AccountAccess> AccountAccesses => Set<AccountAccess>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Sandbox> Sandboxes => Set<Sandbox>();

    public DbSet<SandboxCredential> SandboxCredentials => Set<SandboxCredential>();

    public DbSet<SendingDomain> SendingDomains => Set<SendingDomain>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; UTC ticks sort and compare as plain integers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
