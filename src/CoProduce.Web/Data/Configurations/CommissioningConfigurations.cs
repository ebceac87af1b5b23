using System.Text.Json;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProduce.Web.Data.Configurations;

internal sealed class CommissioningProjectConfiguration : IEntityTypeConfiguration<CommissioningProject>
{
    public void Configure(EntityTypeBuilder<CommissioningProject> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(CommissioningProject.TitleMaxLength).IsRequired();
        builder.Property(p => p.ServiceArea).HasMaxLength(CommissioningProject.ServiceAreaMaxLength).IsRequired();
        builder.Property(p => p.Summary).HasMaxLength(CommissioningProject.SummaryMaxLength).IsRequired();
        builder.Property(p => p.TierReason).HasMaxLength(CommissioningProject.TierReasonMaxLength).IsRequired();
        builder.Property(p => p.EstimatedValue).HasColumnName("EstimatedValuePence");
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<CoProduceUser>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TierRuleSet>().WithMany().HasForeignKey(p => p.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Requirements).WithOne().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.StageMoves).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Requirements).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.StageMoves).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The cycle: a next project points back at the one whose Review started it, and that one forward.
        builder.HasOne<CommissioningProject>().WithMany().HasForeignKey(p => p.PreviousProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommissioningProject>().WithMany().HasForeignKey(p => p.NextProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.OwnerId);
        builder.HasIndex(p => p.Stage);
        builder.HasIndex(p => p.Tier);
    }
}

internal sealed class ProjectRequirementConfiguration : IEntityTypeConfiguration<ProjectRequirement>
{
    public void Configure(EntityTypeBuilder<ProjectRequirement> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Code).HasMaxLength(TierRuleSetRules.CodeMaxLength).IsRequired();
        builder.Property(r => r.ShortName).HasMaxLength(TierRuleSetRules.ShortNameMaxLength).IsRequired();
        builder.Property(r => r.Wording).HasMaxLength(TierRuleSetRules.WordingMaxLength).IsRequired();
        builder.Property(r => r.DueBy).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.ProjectId, r.Code }).IsUnique();
        builder.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.ProjectRequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Exceptions).WithOne(e => e.Requirement).HasForeignKey(e => e.ProjectRequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Exceptions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.Status);
        builder.Ignore(r => r.IsMet);
        builder.Ignore(r => r.LatestException);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.WhatWasDone).HasMaxLength(Evidence.WhatWasDoneMaxLength).IsRequired();
        builder.Property(e => e.Notes).HasMaxLength(Evidence.NotesMaxLength).IsRequired();
        builder.Property(e => e.AddedByUserId).HasMaxLength(450).IsRequired();
        // Activities are never deleted (they are cancelled), so nothing cascades from one to its evidence.
        builder.HasOne<Domain.Activities.Activity>().WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EvidenceAttachmentConfiguration : IEntityTypeConfiguration<EvidenceAttachment>
{
    public void Configure(EntityTypeBuilder<EvidenceAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(AttachmentRules.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.StorageKey).HasMaxLength(100).IsRequired();
    }
}

internal sealed class ExceptionRequestConfiguration : IEntityTypeConfiguration<ExceptionRequest>
{
    public void Configure(EntityTypeBuilder<ExceptionRequest> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Reason).HasMaxLength(ExceptionRequest.ReasonMaxLength).IsRequired();
        builder.Property(e => e.DecisionReason).HasMaxLength(ExceptionRequest.ReasonMaxLength);
        builder.Property(e => e.RequestedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.DecidedByUserId).HasMaxLength(450);
        builder.Property(e => e.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.Decision);
    }
}

internal sealed class StageMoveConfiguration : IEntityTypeConfiguration<StageMove>
{
    public void Configure(EntityTypeBuilder<StageMove> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ByUserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.Note).HasMaxLength(StageMove.NoteMaxLength).IsRequired();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(AuditEntry.SummaryMaxLength).IsRequired();
        builder.Property(a => a.ByUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Before).HasMaxLength(AuditEntry.ValueMaxLength);
        builder.Property(a => a.After).HasMaxLength(AuditEntry.ValueMaxLength);
        builder.Property(a => a.SubjectType).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(a => a.SubjectId).HasMaxLength(AuditSubject.IdMaxLength).IsRequired();
        builder.Ignore(a => a.Subject);
        builder.HasIndex(a => new { a.ProjectId, a.AtUtc });
        builder.HasIndex(a => new { a.SubjectType, a.SubjectId, a.AtUtc });
        // The audit viewer's "who did it" filter, and its list of people who have done anything.
        builder.HasIndex(a => new { a.ByUserId, a.AtUtc });
    }
}

/// <summary>
/// A rule set never changes once published, so its bands and requirement definitions are kept
/// as one JSON document each, in a text column that both providers store the same way. A band's
/// upper limit is kept as whole pence, like every other amount of money.
/// </summary>
internal sealed class TierRuleSetConfiguration : IEntityTypeConfiguration<TierRuleSet>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<TierRuleSet> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.Version).IsUnique();
        builder.Property(r => r.PublishedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.ChangeNote).HasMaxLength(1000).IsRequired();
        builder.Property(r => r.Bands).HasConversion(new ValueConverter<IReadOnlyList<TierBand>, string>(
                bands => JsonSerializer.Serialize(bands.Select(StoredBand.From), Json),
                json => StoredBand.Read(json)))
            .Metadata.SetValueComparer(ListComparer<TierBand>());
        builder.Property(r => r.Requirements).HasConversion(JsonList<RequirementDefinition>()).Metadata.SetValueComparer(ListComparer<RequirementDefinition>());

        // Version 1: Plymouth City Council's table, as the product team reads it.
        builder.HasData(new
        {
            Id = 1,
            Version = 1,
            EffectiveFromUtc = new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc),
            PublishedByUserId = "system",
            ChangeNote = "Plymouth City Council Contract Standing Orders (July 2024), section 5 of the Co-production Commissioning Toolkit.",
            Bands = (IReadOnlyList<TierBand>)TierRuleSet.BandsFrom(PlymouthRules.UpperBounds),
            Requirements = PlymouthRules.Requirements,
        });
    }

    private static ValueConverter<IReadOnlyList<T>, string> JsonList<T>() => new(
        list => JsonSerializer.Serialize(list, Json),
        json => JsonSerializer.Deserialize<T[]>(json, Json) ?? Array.Empty<T>());

    private static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToArray());

    /// <summary>A band as it is stored: {"tier":1,"upperBoundPence":5000000}.</summary>
    private sealed record StoredBand(int Tier, long? UpperBoundPence)
    {
        public static StoredBand From(TierBand band) => new(band.Tier, band.UpperBound?.Pence);

        public static TierBand[] Read(string json) =>
            (JsonSerializer.Deserialize<StoredBand[]>(json, Json) ?? [])
            .Select(b => new TierBand(b.Tier, b.UpperBoundPence is { } pence ? Money.FromPence(pence) : null))
            .ToArray();
    }
}
