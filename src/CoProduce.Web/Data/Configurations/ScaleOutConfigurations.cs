using CoProduce.Web.Infrastructure.Background;
using CoProduce.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduce.Web.Data.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(StoredFile.KeyLength).IsUnicode(false).ValueGeneratedNever();
        // varbinary(max) on SQL Server, a BLOB on SQLite.
        builder.Property(f => f.Content).IsRequired();
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(j => j.Name);
        builder.Property(j => j.Name).HasMaxLength(JobLease.NameMaxLength).ValueGeneratedNever();
        builder.Property(j => j.Owner).HasMaxLength(JobLease.OwnerMaxLength);
        builder.Property(j => j.LastOutcome).HasMaxLength(JobLease.OutcomeMaxLength);
    }
}
