using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Roster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduce.Web.Data.Configurations;

internal sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Text).HasMaxLength(FeedbackItem.TextMaxLength).IsRequired();
        // The 7 Keys are flags: one number, so "items tagged Home" is a bitwise test in SQL.
        builder.Property(i => i.Keys).HasConversion<int>();
        builder.Property(i => i.RecordedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<Activity>().WithMany().HasForeignKey(i => i.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommissioningProject>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExpertProfile>().WithMany().HasForeignKey(i => i.SaidByExpertProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FeedbackTheme>().WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsThemed);
        builder.HasIndex(i => new { i.ActivityId, i.Kind });
        builder.HasIndex(i => new { i.ProjectId, i.ThemeId });
        builder.HasIndex(i => i.SaidByExpertProfileId);
    }
}

internal sealed class FeedbackThemeConfiguration : IEntityTypeConfiguration<FeedbackTheme>
{
    public void Configure(EntityTypeBuilder<FeedbackTheme> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(FeedbackTheme.NameMaxLength).IsRequired();
        builder.Property(t => t.RootCauses).HasMaxLength(FeedbackTheme.TextMaxLength);
        builder.Property(t => t.SuccessLooksLike).HasMaxLength(FeedbackTheme.TextMaxLength);
        builder.Property(t => t.ResponseKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ResponseText).HasMaxLength(ResponseRules.TextMaxLength);
        builder.Property(t => t.PublishedKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.PublishedText).HasMaxLength(ResponseRules.TextMaxLength);
        builder.Property(t => t.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<CommissioningProject>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FeedbackTheme>().WithMany().HasForeignKey(t => t.CarriedFromThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FeedbackTheme>().WithMany().HasForeignKey(t => t.MergedIntoThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.Response);
        builder.Ignore(t => t.Published);
        builder.Ignore(t => t.HasUnpublishedResponse);
        builder.Ignore(t => t.IsMerged);
        builder.HasIndex(t => new { t.ProjectId, t.MergedIntoThemeId });
    }
}

internal sealed class YouSaidWeDidPublicationConfiguration : IEntityTypeConfiguration<YouSaidWeDidPublication>
{
    public void Configure(EntityTypeBuilder<YouSaidWeDidPublication> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.PublishedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<CommissioningProject>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Activity>().WithMany().HasForeignKey(p => p.FollowUpActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ProjectId, p.PublishedUtc });
    }
}
