using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.GovUk;
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

    /// <summary>The ladder, the previous and next cycles and the themes carried forward (see <see cref="ProjectCycle"/>).</summary>
    public ProjectCycle? Cycle { get; init; }

    /// <param name="activityTitles">The titles of the activities its evidence was recorded from, by id.</param>
    public static ProjectPageModel From(CommissioningProject p, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<int, string> activityTitles, IReadOnlyList<AuditRow> audit)
    {
        string Name(string id) => names.GetValueOrDefault(id, "Someone no longer listed");
        var groups = CommissioningStages.InOrder
            .Select(stage => new RequirementGroup(stage, p.Requirements
                .Where(r => r.DueBy == stage)
                .OrderBy(r => r.Code, StringComparer.Ordinal)
                .Select(r => RequirementRow.From(r, p.Stage, Name, activityTitles))
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
    /// <summary>Due in Review: recorded again and again while the service runs; never outstanding, never overdue.</summary>
    public bool IsOngoing { get; init; }

    /// <summary>The date of the latest evidence, if there is any.</summary>
    public DateOnly? LatestEvidenceOn => Evidence.Count == 0 ? null : Evidence.Max(e => e.DoneOn);

    public bool CanAddEvidence => IsRequired;
    public bool CanRequestException => IsRequired && Status is RequirementStatus.Outstanding or RequirementStatus.ExceptionDeclined;

    /// <summary>The tag the Design System would show: words first, colour second.</summary>
    public (string Text, string CssClass) Tag => (IsRequired, IsOverdue, Status) switch
    {
        (false, _, _) => ("No longer required", "govuk-tag--grey"),
        _ when IsOngoing => Evidence.Count switch
        {
            0 => ("Ongoing: nothing recorded yet", "govuk-tag--blue"),
            1 => ("Ongoing: recorded once", "govuk-tag--blue"),
            var n => ($"Ongoing: recorded {n} times", "govuk-tag--blue"),
        },
        (_, true, _) => ("Overdue", "govuk-tag--red"),
        (_, _, RequirementStatus.Evidenced) => ("Evidenced", "govuk-tag--green"),
        (_, _, RequirementStatus.ExceptionApproved) => ("Exception approved", "govuk-tag--turquoise"),
        (_, _, RequirementStatus.ExceptionRequested) => ("Exception requested", "govuk-tag--yellow"),
        (_, _, RequirementStatus.ExceptionDeclined) => ("Exception declined", "govuk-tag--orange"),
        _ => ("Outstanding", "govuk-tag--grey"),
    };

    public static RequirementRow From(ProjectRequirement r, CommissioningStage projectStage, Func<string, string> name, IReadOnlyDictionary<int, string> activityTitles) => new(
        r.Code, r.ShortName, r.Wording, r.Status, r.IsRequired, r.IsOverdue(projectStage),
        r.Evidence.OrderBy(e => e.DoneOn).Select(e => new EvidenceRow(e.Id, e.WhatWasDone, e.DoneOn, e.LivedExperienceCount, e.Notes, name(e.AddedByUserId),
            e.Attachments.Select(a => new AttachmentRow(a.Id, a.FileName, a.SizeBytes)).ToList(),
            e.ActivityId is { } activityId ? new ActivityLink(activityId, activityTitles.GetValueOrDefault(activityId, $"Activity {activityId}")) : null)).ToList(),
        r.Exceptions.OrderBy(x => x.RequestedUtc).Select(x => new ExceptionRow(x.Reason, name(x.RequestedByUserId), x.RequestedUtc, x.Decision,
            x.DecisionReason, x.DecidedByUserId is null ? null : name(x.DecidedByUserId), x.DecidedUtc)).ToList())
    {
        IsOngoing = r.IsOngoing,
    };
}

/// <param name="FromActivity">The activity it was recorded from, if it was.</param>
public sealed record EvidenceRow(int Id, string WhatWasDone, DateOnly DoneOn, int LivedExperienceCount, string Notes, string AddedBy, IReadOnlyList<AttachmentRow> Attachments,
    ActivityLink? FromActivity = null);

/// <summary>An activity to link to, by its id and title.</summary>
public sealed record ActivityLink(int Id, string Title)
{
    public string Href => $"/manage/activities/{Id}";
}

public sealed record AttachmentRow(int Id, string FileName, long SizeBytes);

public sealed record ExceptionRow(string Reason, string RequestedBy, DateTime RequestedUtc, ExceptionDecision? Decision, string? DecisionReason, string? DecidedBy, DateTime? DecidedUtc);

/// <summary>A project to link to, by its id and title.</summary>
public sealed record ProjectLink(int Id, string Title)
{
    public string Href => $"/projects/{Id}";
}

/// <summary>
/// A project's ladder of co-production and its place in the cycle: the project it followed, the
/// one that followed it, whether the next cycle can be started (and why not), and the themes
/// carried forward into it.
/// </summary>
public sealed record ProjectCycle(
    Ladder.LadderView Ladder,
    ProjectLink? Previous,
    ProjectLink? Next,
    string? WhyNoNextCycle,
    bool CanStartNextCycle,
    IReadOnlyList<string> CarriedThemes);

public sealed record TimelineRow(CommissioningStage From, CommissioningStage To, string By, DateTime AtUtc, string Note);

public sealed record AuditRow(DateTime AtUtc, string By, string Summary, string? Before, string? After);

/// <summary>The list's filters and page, as the address gives them.</summary>
public sealed record ProjectListQuery(string? View, string? Stage, string? Tier, string? Search, string? Sort, int Page);

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

/// <summary>The project and requirement that an evidence or exception page is about.</summary>
public sealed record RequirementHeading(int ProjectId, string ProjectTitle, string Code, string ShortName, string Wording)
{
    public string BackLink => $"/projects/{ProjectId}#requirement-{Code}";

    public static RequirementHeading From(CommissioningProject project, ProjectRequirement requirement) =>
        new(project.Id, project.Title, requirement.Code, requirement.ShortName, requirement.Wording);
}

/// <summary>The add-evidence page. The form's fields are forwarded under the names the form posts.</summary>
public sealed record EvidencePageModel(RequirementHeading Requirement, EvidenceForm Form)
{
    public string? WhatWasDone => Form.WhatWasDone;
    public DateParts DoneOn => Form.DoneOn;
    public string? LivedExperienceCount => Form.LivedExperienceCount;
    public string? Notes => Form.Notes;
    public IFormFile? Attachment => Form.Attachment;
}

/// <summary>The ask-for-an-exception page; <see cref="Reason"/> is the form's field.</summary>
public sealed record ExceptionRequestPageModel(RequirementHeading Requirement, ExceptionRequestForm Form)
{
    public string? Reason => Form.Reason;
}

/// <summary>The change-details page: the project's id and the form.</summary>
public sealed record ProjectEditModel(int Id, ProjectForm Form);

public sealed record StageMoveModel(ProjectPageModel Project, StageMoveForm Form, bool MayLeave, IReadOnlyList<RequirementRow> Due)
{
    /// <summary>The note field, named as the form posts it.</summary>
    public string? Note => Form.Note;
}

/// <summary>An evidence file to send back, opened from the file store.</summary>
public sealed record ProjectFile(Stream Content, string ContentType, string FileName);
