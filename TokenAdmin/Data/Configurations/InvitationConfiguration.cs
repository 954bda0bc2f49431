using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenAdmin.Accounts;
using TokenAdmin.People;

namespace TokenAdmin.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasIndex(invitation => invitation.SecretHash).IsUnique();
        builder.HasIndex(invitation => invitation.UserId);
        builder.HasOne<ApplicationUser>()
            .WithMany()
            .HasForeignKey(invitation => invitation.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>()
            .WithMany()
            .HasForeignKey(invitation => invitation.AccountId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
