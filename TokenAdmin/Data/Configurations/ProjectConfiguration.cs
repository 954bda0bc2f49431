using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenAdmin.Accounts;
using TokenAdmin.Projects;

namespace TokenAdmin.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(project => project.Name).HasMaxLength(ResourceNames.MaxLength);
        builder.HasOne(project => project.Account)
            .WithMany()
            .HasForeignKey(project => project.AccountId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(project => project.Sandboxes)
            .WithOne(sandbox => sandbox.Project)
            .HasForeignKey(sandbox => sandbox.ProjectId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
