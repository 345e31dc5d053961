using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Portal.Data.Configurations;

internal sealed class ExportFileRecordConfiguration : IEntityTypeConfiguration<ExportFileRecord>
{
    public void Configure(EntityTypeBuilder<ExportFileRecord> b)
    {
        b.ToTable("ExportFiles");
        b.HasKey(f => f.Token);
        b.Property(f => f.Token).HasMaxLength(64);
        b.Property(f => f.UserId).HasMaxLength(450);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(200);
        b.HasIndex(f => f.FinishedAt); // the sweep of files older than their 15 minutes
    }
}

internal sealed class ExportFileChunkConfiguration : IEntityTypeConfiguration<ExportFileChunk>
{
    public void Configure(EntityTypeBuilder<ExportFileChunk> b)
    {
        b.ToTable("ExportFileChunks");
        b.HasKey(c => new { c.Token, c.Index });
        b.Property(c => c.Token).HasMaxLength(64);
        b.HasOne<ExportFileRecord>().WithMany().HasForeignKey(c => c.Token).OnDelete(DeleteBehavior.Cascade);
    }
}
