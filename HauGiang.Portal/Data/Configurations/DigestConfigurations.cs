using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Portal.Data.Configurations;

internal sealed class DigestSendConfiguration : IEntityTypeConfiguration<DigestSend>
{
    public void Configure(EntityTypeBuilder<DigestSend> b)
    {
        b.ToTable("DigestSends");
        b.HasKey(d => new { d.UserId, d.LocalDate });
        b.Property(d => d.UserId).HasMaxLength(450);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
