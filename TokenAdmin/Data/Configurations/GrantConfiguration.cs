using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenAdmin.Accounts;

namespace TokenAdmin.Data.Configurations;

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.Ignore(grant => grant.Resource);
        builder.HasIndex(grant => new { grant.AccountAccessId, grant.ResourceType, grant.ResourceId }).IsUnique();
        builder.HasIndex(grant => new { grant.ResourceType, grant.ResourceId });
    }
}
