using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.EasyRead;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduce.Web.Data.Configurations;

internal sealed class EasyReadTemplateConfiguration : IEntityTypeConfiguration<EasyReadTemplate>
{
    public void Configure(EntityTypeBuilder<EasyReadTemplate> builder)
    {
        // One row per kind of document, keyed by its name so the table reads plainly.
        builder.HasKey(t => t.Kind);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30).ValueGeneratedNever();
        builder.Property(t => t.Note).HasMaxLength(EasyReadTemplate.NoteMaxLength);
        builder.Property(t => t.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<Activity>().WithMany().HasForeignKey(t => t.CheckedAtActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.WasEverChecked);
    }
}
