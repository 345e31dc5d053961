using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Portal.Data.Configurations;

/// <summary>
/// Grain, then day first in the key: every read takes one grain's range of days (then the scope's unit), and on SQL
/// Server the key is the clustered index. No foreign keys: a row is a count, kept or rebuilt with the reports (decision 019).
/// </summary>
internal sealed class DashboardCounterConfiguration : IEntityTypeConfiguration<DashboardCounter>
{
    public void Configure(EntityTypeBuilder<DashboardCounter> b)
    {
        b.ToTable("DashboardCounters");
        b.HasKey(c => new { c.Grain, c.Day, c.UnitId, c.CategoryId, c.AreaId, c.OfficerId });
        b.Property(c => c.OfficerId).HasMaxLength(450);
        b.Ignore(c => c.IsZero);
    }
}
