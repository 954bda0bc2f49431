using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenAdmin.Accounts;
using TokenAdmin.Tokens;

namespace TokenAdmin.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(token => token.Name).HasMaxLength(ResourceNames.MaxLength);
        builder.Property(token => token.CreatedByName).HasMaxLength(ResourceNames.MaxLength);
        builder.Property(token => token.Last4).HasMaxLength(4);
        builder.Property(token => token.Version).IsConcurrencyToken();
        builder.HasIndex(token => token.SecretHash).IsUnique();
        builder.HasIndex(token => new { token.AccountId, token.CreatedAt });
        builder.HasIndex(token => token.ExpiresAt);
        builder.HasOne<Account>()
            .WithMany()
            .HasForeignKey(token => token.AccountId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApiToken>()
            .WithMany()
            .HasForeignKey(token => token.SuccessorId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(token => token.Access)
            .WithOne()
            .HasForeignKey<AccountAccess>(access => access.ApiTokenId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
