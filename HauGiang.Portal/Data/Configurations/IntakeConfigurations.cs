using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Portal.Data.Configurations;

internal sealed class ReportCodeCounterConfiguration : IEntityTypeConfiguration<ReportCodeCounter>
{
    public void Configure(EntityTypeBuilder<ReportCodeCounter> b)
    {
        b.ToTable("ReportCodeCounters");
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyRecords");
        b.Property(r => r.Key).HasMaxLength(200).IsRequired();
        b.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        b.Property(r => r.ReportCode).HasMaxLength(20);
        b.HasIndex(r => new { r.ApiClientId, r.Key }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
        b.HasOne<ApiClient>().WithMany().HasForeignKey(r => r.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
