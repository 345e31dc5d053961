using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Portal.Data.Configurations;

internal sealed class DatabaseProbeConfiguration : IEntityTypeConfiguration<DatabaseProbe>
{
    public void Configure(EntityTypeBuilder<DatabaseProbe> b)
    {
        b.ToTable("DatabaseProbe");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
    }
}
