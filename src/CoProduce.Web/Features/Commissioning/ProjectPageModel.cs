using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.Mvc;

namespace CoProduce.Web.Features.Commissioning;

/// <summary>Everything the project page shows, read once and shaped for the view.</summary>
public sealed record ProjectPageModel(
    int Id,
    string Title,
    string ServiceArea,
    string Summary,
    string Owner,
    Money Value,
    bool IsKeyDecision,
    CommissioningStage Stage,
    int Tier,
    string TierReason,
    int RuleSetVersion,
    IReadOnlyList<RequirementGroup> Groups,
    IReadOnlyList<TimelineRow> Timeline,
    IReadOnlyList<AuditRow> Audit)
{
    public CommissioningStage? NextStage => Stage.Next();

    public static ProjectPageModel From(CommissioningProject p, IReadOnlyDictionary<string, string> names, IReadOnlyList<AuditRow> audit)
    {
        string Name(string id) => names.GetValueOrDefault(id, "Someone no longer listed");
        var groups = CommissioningStages.InOrder
            .Select(stage => new RequirementGroup(stage, p.Requirements
                .Where(r => r.DueBy == stage)
                .OrderBy(r => r.Code, StringComparer.Ordinal)
                .Select(r => RequirementRow.From(r, p.Stage, Name))
                .ToList()))
            .Where(g => g.Requirements.Count > 0)
            .ToList();
        var timeline = p.StageMoves.OrderBy(m => m.AtUtc)
            .Select(m => new TimelineRow(m.From, m.To, Name(m.ByUserId), m.AtUtc, m.Note))
            .ToList();
        return new(p.Id, p.Title, p.ServiceArea, p.Summary, Name(p.OwnerId), p.EstimatedValue, p.IsKeyDecision, p.Stage,
            p.Tier, p.TierReason, p.RuleSetVersion, groups, timeline, audit);
    }
}

public sealed record RequirementGroup(CommissioningStage DueBy, IReadOnlyList<RequirementRow> Requirements);

public sealed record RequirementRow(
    string Code,
    string ShortName,
    string Wording,
    RequirementStatus Status,
    bool IsRequired,
    bool IsOverdue,
    IReadOnlyList<EvidenceRow> Evidence,
    IReadOnlyList<ExceptionRow> Exceptions)
{
    public bool CanAddEvidence => IsRequired;
    public bool CanRequestException => IsRequired && Status is RequirementStatus.Outstanding or RequirementStatus.ExceptionDeclined;

    /// <summary>The tag the Design System would show: words first, colour second.</summary>
    public (string Text, string CssClass) Tag => (IsRequired, IsOverdue, Status) switch
    {
        (false, _, _) => ("No longer required", "govuk-tag--grey"),
        (_, true, _) => ("Overdue", "govuk-tag--red"),
        (_, _, RequirementStatus.Evidenced) => ("Evidenced", "govuk-tag--green"),
        (_, _, RequirementStatus.ExceptionApproved) => ("Exception approved", "govuk-tag--turquoise"),
        (_, _, RequirementStatus.ExceptionRequested) => ("Exception requested", "govuk-tag--yellow"),
        (_, _, RequirementStatus.ExceptionDeclined) => ("Exception declined", "govuk-tag--orange"),
        _ => ("Outstanding", "govuk-tag--grey"),
    };

    public static RequirementRow From(ProjectRequirement r, CommissioningStage projectStage, Func<string, string> name) => new(
        r.Code, r.ShortName, r.Wording, r.Status, r.IsRequired, r.IsOverdue(projectStage),
        r.Evidence.OrderBy(e => e.DoneOn).Select(e => new EvidenceRow(e.Id, e.WhatWasDone, e.DoneOn, e.LivedExperienceCount, e.Notes, name(e.AddedByUserId),
            e.Attachments.Select(a => new AttachmentRow(a.Id, a.FileName, a.SizeBytes)).ToList())).ToList(),
        r.Exceptions.OrderBy(x => x.RequestedUtc).Select(x => new ExceptionRow(x.Reason, name(x.RequestedByUserId), x.RequestedUtc, x.Decision,
            x.DecisionReason, x.DecidedByUserId is null ? null : name(x.DecidedByUserId), x.DecidedUtc)).ToList());
}

public sealed record EvidenceRow(int Id, string WhatWasDone, DateOnly DoneOn, int LivedExperienceCount, string Notes, string AddedBy, IReadOnlyList<AttachmentRow> Attachments);

public sealed record AttachmentRow(int Id, string FileName, long SizeBytes);

public sealed record ExceptionRow(string Reason, string RequestedBy, DateTime RequestedUtc, ExceptionDecision? Decision, string? DecisionReason, string? DecidedBy, DateTime? DecidedUtc);

public sealed record TimelineRow(CommissioningStage From, CommissioningStage To, string By, DateTime AtUtc, string Note);

public sealed record AuditRow(DateTime AtUtc, string By, string Summary, string? Before, string? After);

public sealed record ProjectListRow(int Id, string Title, string ServiceArea, CommissioningStage Stage, int Tier, Money Value, bool IsKeyDecision, string Owner, bool IsMine, int Outstanding);

public sealed record ProjectListModel(
    IReadOnlyList<ProjectListRow> Rows,
    string View,
    string? Stage,
    string? Tier,
    string? Search,
    string Sort,
    Paging Paging)
{
    public const int PageSize = 20;

    /// <summary>Sort by title, A to Z (the default).</summary>
    public const string ByTitle = "title";

    /// <summary>Sort by estimated value, highest first.</summary>
    public const string ByValue = "value";
}
