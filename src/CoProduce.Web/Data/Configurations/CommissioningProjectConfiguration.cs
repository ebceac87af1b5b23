using CoProduce.Web.Domain.Commissioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduce.Web.Data.Configurations;

internal sealed class CommissioningProjectConfiguration : IEntityTypeConfiguration<CommissioningProject>
{
    public void Configure(EntityTypeBuilder<CommissioningProject> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(CommissioningProject.TitleMaxLength).IsRequired();
        builder.Property(p => p.ServiceArea).HasMaxLength(CommissioningProject.ServiceAreaMaxLength).IsRequired();
        builder.Property(p => p.Summary).HasMaxLength(CommissioningProject.SummaryMaxLength).IsRequired();
        builder.Property(p => p.EstimatedValue).HasPrecision(18, 2);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<CoProduceUser>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.OwnerId);
        builder.HasIndex(p => p.Stage);
    }
}
