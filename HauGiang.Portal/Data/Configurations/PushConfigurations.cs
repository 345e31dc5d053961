using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Portal.Data.Configurations;

internal sealed class WebPushSubscriptionConfiguration : IEntityTypeConfiguration<WebPushSubscription>
{
    public void Configure(EntityTypeBuilder<WebPushSubscription> b)
    {
        b.ToTable("PushSubscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        b.Property(s => s.Endpoint).HasMaxLength(2000).IsRequired();
        b.Property(s => s.EndpointHash).HasMaxLength(64).IsRequired();
        b.Property(s => s.P256dh).HasMaxLength(100).IsRequired();
        b.Property(s => s.Auth).HasMaxLength(50).IsRequired();
        b.Property(s => s.DeviceName).HasMaxLength(100).IsRequired();
        b.HasIndex(s => s.EndpointHash).IsUnique();
        b.HasIndex(s => s.UserId);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VapidKeyPairConfiguration : IEntityTypeConfiguration<VapidKeyPair>
{
    public void Configure(EntityTypeBuilder<VapidKeyPair> b)
    {
        b.ToTable("VapidKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.PublicKey).HasMaxLength(100).IsRequired();
        b.Property(k => k.PrivateKey).HasMaxLength(100).IsRequired();
    }
}

internal sealed class DueSoonPushConfiguration : IEntityTypeConfiguration<DueSoonPush>
{
    public void Configure(EntityTypeBuilder<DueSoonPush> b)
    {
        b.ToTable("DueSoonPushes");
        b.HasKey(d => new { d.ReportId, d.DueAt });
        b.HasOne<Domain.Report>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
