using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduce.Web.Data.Configurations;

internal sealed class RateItemConfiguration : IEntityTypeConfiguration<RateItem>
{
    public void Configure(EntityTypeBuilder<RateItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Name).HasMaxLength(RateItem.NameMaxLength).IsRequired();
        builder.HasIndex(i => i.Name).IsUnique();
        builder.Property(i => i.ActivityType).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.OwnsMany(i => i.Versions, version =>
        {
            version.ToTable("RateItemVersions");
            version.WithOwner().HasForeignKey("RateItemId");
            version.HasKey("RateItemId", nameof(RateItemVersion.Number));
            version.Property(v => v.Number).ValueGeneratedNever();
            version.Property(v => v.CreatedByUserId).HasMaxLength(450).IsRequired();
            version.Ignore(v => v.Terms);
        });
        builder.Navigation(i => i.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ExpensesPolicyConfiguration : IEntityTypeConfiguration<ExpensesPolicy>
{
    public void Configure(EntityTypeBuilder<ExpensesPolicy> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.Version).IsUnique();
        builder.HasIndex(p => p.EffectiveFrom).IsUnique();
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.OwnsMany(p => p.Rules, rule =>
        {
            rule.ToTable("ExpenseRules");
            rule.WithOwner().HasForeignKey("ExpensesPolicyId");
            rule.HasKey("ExpensesPolicyId", nameof(ExpenseRule.Category));
            rule.Property(r => r.Category).HasConversion<string>().HasMaxLength(30);
        });
        builder.Navigation(p => p.Rules).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BenefitLimitsConfiguration : IEntityTypeConfiguration<BenefitLimits>
{
    public void Configure(EntityTypeBuilder<BenefitLimits> builder)
    {
        builder.HasKey(l => l.Id);
        // One set per effective date: two on one day would leave "which is in force" unanswerable.
        builder.HasIndex(l => l.EffectiveFrom).IsUnique();
        builder.Property(l => l.Source).HasMaxLength(BenefitLimits.SourceMaxLength).IsRequired();
        builder.Property(l => l.SourceLink).HasMaxLength(BenefitLimits.SourceLinkMaxLength);
        builder.Ignore(l => l.Figures);
    }
}

internal sealed class PaymentSettingsConfiguration : IEntityTypeConfiguration<PaymentSettings>
{
    public void Configure(EntityTypeBuilder<PaymentSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.WelfareRightsAdviceName).HasMaxLength(PaymentSettings.AdviceNameMaxLength).IsRequired();
        builder.Property(s => s.WelfareRightsAdviceLink).HasMaxLength(PaymentSettings.AdviceLinkMaxLength).IsRequired();
        builder.Property(s => s.UpdatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.ApprovalRules);
    }
}

internal sealed class CoProductionBudgetConfiguration : IEntityTypeConfiguration<CoProductionBudget>
{
    public void Configure(EntityTypeBuilder<CoProductionBudget> builder)
    {
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => b.StartYear).IsUnique();
        builder.Property(b => b.UpdatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.FirstDay);
        builder.Ignore(b => b.LastDay);
    }
}

internal sealed class PaymentDetailsConfiguration : IEntityTypeConfiguration<PaymentDetails>
{
    public void Configure(EntityTypeBuilder<PaymentDetails> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasOne<ExpertProfile>().WithMany().HasForeignKey(d => d.ExpertProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.ExpertProfileId).IsUnique();
        builder.Property(d => d.ProtectedBankDetails).HasMaxLength(PaymentDetails.ProtectedMaxLength);
        builder.Property(d => d.BenefitsAnswer).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.HasBankDetails);
        builder.Ignore(d => d.Benefits);
    }
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne<ExpertProfile>().WithMany().HasForeignKey(c => c.ExpertProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Activity>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SignUp>().WithMany().HasForeignKey(c => c.SignUpId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Claim>().WithMany().HasForeignKey(c => c.CorrectsClaimId).OnDelete(DeleteBehavior.Restrict);
        // One claim per attendance (corrections aside): a form sent twice, or attendance recorded
        // twice, cannot make a second. The filter is written so both SQLite and SQL Server read it.
        builder.HasIndex(c => c.SignUpId).IsUnique().HasFilter("[CorrectsClaimId] IS NULL");
        builder.HasIndex(c => new { c.Status, c.UpdatedUtc });
        builder.HasIndex(c => new { c.ExpertProfileId, c.Status });
        // Covers the finance officer's lists of approved claims waiting to be paid: counted, added up
        // and paged in batch order (by person, then claim) from the index alone.
        builder.HasIndex(c => new { c.Status, c.PaymentMethod, c.ExpertProfileId, c.Total });
        builder.HasIndex(c => c.ActivityId);
        builder.Property(c => c.AttendanceRecordedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Origin).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.WarningsSeen).HasMaxLength(Claim.WarningsSeenMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.OwnsMany(c => c.Expenses, line =>
        {
            line.ToTable("ClaimExpenses");
            line.WithOwner().HasForeignKey("ClaimId");
            line.HasKey("ClaimId", nameof(ExpenseLine.Number));
            line.Property(l => l.Number).ValueGeneratedNever();
            line.Property(l => l.Category).HasConversion<string>().HasMaxLength(30);
            line.Property(l => l.Description).HasMaxLength(ExpenseLine.DescriptionMaxLength);
            line.Property(l => l.ReceiptFileReference).HasMaxLength(ExpenseLine.ReceiptReferenceMaxLength);
            line.Property(l => l.ReceiptFileName).HasMaxLength(ExpenseLine.ReceiptFileNameMaxLength);
            line.Ignore(l => l.HasReceipt);
            line.Ignore(l => l.HasReceiptFile);
        });
        builder.Navigation(c => c.Expenses).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(c => c.Decisions, decision =>
        {
            decision.ToTable("ClaimDecisions");
            decision.WithOwner().HasForeignKey("ClaimId");
            decision.HasKey("ClaimId", nameof(ClaimDecision.Number));
            decision.Property(d => d.Number).ValueGeneratedNever();
            decision.Property(d => d.Step).HasConversion<string>().HasMaxLength(20);
            decision.Property(d => d.ByUserId).HasMaxLength(450).IsRequired();
            decision.Property(d => d.Note).HasMaxLength(ClaimDecision.NoteMaxLength);
            decision.HasIndex(d => new { d.Step, d.AtUtc });
        });
        builder.Navigation(c => c.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        foreach (var computed in new[] { nameof(Claim.IsCorrection), nameof(Claim.FeeDeclined), nameof(Claim.ExpensesTotal), nameof(Claim.LocksAttendance),
                     nameof(Claim.CanChange), nameof(Claim.CanBeCorrected), nameof(Claim.LatestDecision), nameof(Claim.IsReadyForBatch), nameof(Claim.IsVoucherToIssue),
                     nameof(Claim.IsOwedBack), nameof(Claim.ApprovalFacts) })
        {
            builder.Ignore(computed);
        }
    }
}

internal sealed class PaymentBatchConfiguration : IEntityTypeConfiguration<PaymentBatch>
{
    public void Configure(EntityTypeBuilder<PaymentBatch> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(b => b.PaidByUserId).HasMaxLength(450);
        builder.Property(b => b.ExportedByUserId).HasMaxLength(450);
        builder.Ignore(b => b.IsExported);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.OwnsMany(b => b.Lines, line =>
        {
            line.ToTable("PaymentBatchLines");
            line.WithOwner().HasForeignKey("PaymentBatchId");
            line.HasKey("PaymentBatchId", nameof(PaymentBatchLine.Position));
            line.Property(l => l.Position).ValueGeneratedNever();
            line.HasOne<Claim>().WithMany().HasForeignKey(l => l.ClaimId).OnDelete(DeleteBehavior.Restrict);
            line.HasOne<ExpertProfile>().WithMany().HasForeignKey(l => l.ExpertProfileId).OnDelete(DeleteBehavior.Restrict);
            // A claim is in at most one batch, whatever happens in the application.
            line.HasIndex(l => l.ClaimId).IsUnique();
        });
        builder.Navigation(b => b.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(b => b.Total);
    }
}
