using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenAdmin.SendingDomains;

namespace TokenAdmin.Data.Configurations;

internal sealed class SendingDomainConfiguration : IEntityTypeConfiguration<SendingDomain>
{
    public void Configure(EntityTypeBuilder<SendingDomain> builder)
    {
        builder.Property(domain => domain.Name).HasMaxLength(DomainNames.MaxLength);
        builder.HasIndex(domain => new { domain.AccountId, domain.Name }).IsUnique();
        builder.HasOne(domain => domain.Account)
            .WithMany()
            .HasForeignKey(domain => domain.AccountId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
