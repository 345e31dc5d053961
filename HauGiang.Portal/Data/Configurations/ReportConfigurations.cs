using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Portal.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(r => r.Code).HasMaxLength(20).IsRequired();
        b.HasIndex(r => r.Code).IsUnique();
        b.Property(r => r.Description).HasMaxLength(4000).IsRequired();
        b.Property(r => r.Address).HasMaxLength(500);
        b.Property(r => r.SearchText).HasMaxLength(4600).IsRequired();
        b.Property(r => r.AssignedOfficerId).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Category).WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Area).WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Report>().WithMany().HasForeignKey(r => r.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AssignedOfficerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApiClient>().WithMany().HasForeignKey(r => r.ApiClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Photos).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.IsOpen);
        b.Ignore(r => r.ExtensionPending);

        // The queue's keyset paging: scope (unit) + state, ordered by deadline then id. Category and area ride along
        // so that a unit's tab counts under those filters come from the index alone.
        // IsTest rides along on the indexes the province-wide scope counts from (ReportScope: "not a sandbox report"),
        // so those counts stay on the index too (measured at 1M reports: 0.13 s → 2.7 s without it; 0.14 s with it).
        // A unit's scope needs no flag: sandbox reports have no unit.
        b.HasIndex(r => new { r.UnitId, r.State, r.DueAt, r.Id, r.CategoryId, r.AreaId });
        b.HasIndex(r => new { r.State, r.DueAt, r.Id, r.IsTest });

        // The "All" tab (any state) in deadline order: a unit's and the province's.
        b.HasIndex(r => new { r.UnitId, r.DueAt, r.Id });
        b.HasIndex(r => new { r.DueAt, r.Id, r.IsTest });

        // Province-wide filters by category or area, in deadline order, with the state for the tabs and the counts
        // (these are also the foreign keys' indexes).
        b.HasIndex(r => new { r.CategoryId, r.DueAt, r.Id, r.State, r.IsTest });
        b.HasIndex(r => new { r.AreaId, r.DueAt, r.Id, r.State, r.IsTest });
        b.HasIndex(r => new { r.UnitId, r.ReceivedAt });
        b.HasIndex(r => r.ReceivedAt);

        // The same filters sorted by receipt (newest first).
        b.HasIndex(r => new { r.CategoryId, r.ReceivedAt });
        b.HasIndex(r => new { r.AreaId, r.ReceivedAt });
        // The dashboard's "resolved / closed since the start of the period" (with the receipt, to tell the period's own).
        b.HasIndex(r => new { r.ResolvedAt, r.ReceivedAt });
        b.HasIndex(r => new { r.ClosedAt, r.ResolvedAt, r.ReceivedAt });
        // The dashboard's "rated since the start of the period" (satisfaction), for the few reports rated then that no
        // other part of the facts reads.
        b.HasIndex(r => r.RatedAt);
        // The open reports only (a tenth of them), in deadline order, with every fact the dashboard reads of them: the
        // queue's open tabs walk it in order, and the dashboard reads the province's open backlog from this small index
        // instead of ~100,000 scattered rows (about 0.1 s at 1M reports). RatedAt: a reopened report keeps its rating.
        b.HasIndex(r => new { r.DueAt, r.Id, r.State, r.ReceivedAt, r.CategoryId, r.AreaId, r.UnitId, r.AssignedOfficerId, r.FirstActionAt, r.ResolvedAt, r.ClosedAt, r.Rating, r.RatedAt, r.IsTest })
            .HasFilter("\"State\" IN (0, 1)")
            .HasDatabaseName("IX_Reports_OpenFacts");

        // The dashboard's open reports per category × area × unit × officer (FiguresFromCounters), read in the
        // grouping's order: at 1,000,000 reports a province view groups ~100,000 open ones without sorting them
        // (35 ms rather than 110 ms in SQLite).
        b.HasIndex(r => new { r.CategoryId, r.AreaId, r.UnitId, r.AssignedOfficerId, r.ReceivedAt, r.DueAt, r.IsTest })
            .HasFilter("\"State\" IN (0, 1)")
            .HasDatabaseName("IX_Reports_OpenGroups");
        b.HasIndex(r => r.AssignedOfficerId);
        b.HasIndex(r => new { r.Latitude, r.Longitude });
    }
}

internal sealed class ReportPhotoConfiguration : IEntityTypeConfiguration<ReportPhoto>
{
    public void Configure(EntityTypeBuilder<ReportPhoto> b)
    {
        b.Property(p => p.StorageKey).HasMaxLength(200).IsRequired();
        b.Property(p => p.ThumbnailKey).HasMaxLength(200);
        b.Property(p => p.ContentType).HasMaxLength(50);
    }
}

internal sealed class ReporterContactConfiguration : IEntityTypeConfiguration<ReporterContact>
{
    public void Configure(EntityTypeBuilder<ReporterContact> b)
    {
        b.HasOne<Report>().WithOne().HasForeignKey<ReporterContact>(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.ReportId).IsUnique();
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(50);
        b.Property(c => c.Email).HasMaxLength(256);
        b.Property(c => c.DeviceId).HasMaxLength(200);
        b.Property(c => c.AccountId).HasMaxLength(200);
    }
}

internal sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> b)
    {
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Note).HasMaxLength(4000);
        b.HasIndex(e => new { e.ReportId, e.At });
    }
}
