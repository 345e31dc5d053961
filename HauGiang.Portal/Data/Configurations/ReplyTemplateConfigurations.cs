using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Portal.Data.Configurations;

internal sealed class ReplyTemplateConfiguration : IEntityTypeConfiguration<ReplyTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyTemplate> b)
    {
        // The action by name: the enum's order may change, a stored template must keep its action.
        b.Property(t => t.Action).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.Title).HasMaxLength(ReplyTemplate.TitleMaxLength).IsRequired();
        b.Property(t => t.Text).HasMaxLength(ReplyTemplate.TextMaxLength).IsRequired();
        b.Property(t => t.UpdatedBy).HasMaxLength(200).IsRequired();
        // The dialog's lookup: one action, the officer's unit or every unit.
        b.HasIndex(t => new { t.Action, t.UnitId });
        // A category is deleted only while no report uses it; its templates go with it.
        b.HasOne<Category>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
