using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenAdmin.Accounts;
using TokenAdmin.People;

namespace TokenAdmin.Data.Configurations;

internal sealed class AccountAccessConfiguration : IEntityTypeConfiguration<AccountAccess>
{
    public void Configure(EntityTypeBuilder<AccountAccess> builder)
    {
        builder.HasOne(access => access.Account)
            .WithMany()
            .HasForeignKey(access => access.AccountId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>()
            .WithMany()
            .HasForeignKey(access => access.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(access => new { access.AccountId, access.UserId }).IsUnique();
        builder.HasMany(access => access.Grants)
            .WithOne()
            .HasForeignKey(grant => grant.AccountAccessId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
