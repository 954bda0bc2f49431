using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenAdmin.Sandboxes;

namespace TokenAdmin.Data.Configurations;

internal sealed class SandboxCredentialConfiguration : IEntityTypeConfiguration<SandboxCredential>
{
    public void Configure(EntityTypeBuilder<SandboxCredential> builder)
    {
        builder.Property(credential => credential.Username)
            .HasMaxLength(SandboxSecrets.UsernameLength);
        builder.Property(credential => credential.Last4).HasMaxLength(4);
        builder.HasIndex(credential => credential.Username).IsUnique();
        builder.HasIndex(credential => credential.ExpiresAt);
        builder.HasIndex(credential => credential.SandboxId);
        // At most one current pair per sandbox, whatever two concurrent resets try.
        builder.HasIndex(credential => credential.SandboxId, "IX_SandboxCredentials_CurrentOfSandbox")
            .IsUnique()
            .HasFilter("\"ResetAt\" IS NULL");
        builder.HasOne(credential => credential.Sandbox)
            .WithMany()
            .HasForeignKey(credential => credential.SandboxId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
