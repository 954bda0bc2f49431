using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenAdmin.Accounts;
using TokenAdmin.Projects;

namespace TokenAdmin.Data.Configurations;

internal sealed class SandboxConfiguration : IEntityTypeConfiguration<Sandbox>
{
    public void Configure(EntityTypeBuilder<Sandbox> builder)
    {
        builder.Property(sandbox => sandbox.Name).HasMaxLength(ResourceNames.MaxLength);
    }
}
