using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Commissioning;
using CoProduce.Web.Features.Ladder;
using CoProduce.Web.Features.Organising;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.CoProductionStatement;

/// <summary>
/// Reads a project's co-production statement, for a council decision report: what was done, with
/// whom (counts only, never names), how many people and hours, the ladder share, how each
/// requirement was met, and what changed. The database counts and adds up; the number of
/// commands is the same however much the project holds.
/// </summary>
public sealed class CoProductionStatementPages(CoProduceDbContext db, ProjectService projects, LadderPages ladder, TimeProvider clock)
{
    public async Task<CoProductionStatementModel?> ReadAsync(int projectId, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var attended = from s in db.SignUps
                       where s.Attendance == Attendance.Attended
                       join a in db.Activities on s.ActivityId equals a.Id
                       where a.ProjectId == projectId
                       select new { s.ExpertProfileId, Minutes = s.ActivityMinutes ?? 0 };

        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.SignUps.Any(s => s.Attendance == Attendance.Attended))
            .OrderBy(a => a.Date).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Title,
                a.Date,
                a.Type,
                a.Rung,
                People = a.SignUps.Where(s => s.Attendance == Attendance.Attended).Select(s => s.ExpertProfileId).Distinct().Count(),
                Minutes = a.SignUps.Where(s => s.Attendance == Attendance.Attended).Sum(s => s.ActivityMinutes ?? 0),
            })
            .ToListAsync(cancellationToken);

        var people = await attended.Select(x => x.ExpertProfileId).Distinct().CountAsync(cancellationToken);

        // People by the set of lived-experience areas they gave: the database counts each set, so
        // no person's row is read; a person with two areas counts under each.
        var attendees = attended.Select(x => x.ExpertProfileId);
        var bySet = await db.ExpertProfiles.AsNoTracking()
            .Where(p => attendees.Contains(p.Id))
            .GroupBy(p => p.LivedExperience)
            .Select(g => new { Areas = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var withWhom = Enum.GetValues<LivedExperienceArea>()
            .Select(area => new AreaCount(Words.Area(area), bySet.Where(s => s.Areas.Contains(area)).Sum(s => s.Count)))
            .Where(a => a.People > 0)
            .OrderByDescending(a => a.People).ThenBy(a => a.Area, StringComparer.Ordinal)
            .ToList();
        var noneGiven = bySet.Where(s => s.Areas.Count == 0).Sum(s => s.Count);

        var ladderView = await ladder.ProjectAsync(projectId, cancellationToken);

        var changes = await db.FeedbackThemes.AsNoTracking()
            .Where(t => t.ProjectId == projectId && t.MergedIntoThemeId == null && t.PublishedKind != null)
            .OrderBy(t => t.PublishedUtc).ThenBy(t => t.Id)
            .Select(t => new { t.Name, t.PublishedKind, t.PublishedText, t.PublishedBy })
            .ToListAsync(cancellationToken);

        return new CoProductionStatementModel(
            project.Id,
            project.Title,
            project.ServiceArea,
            project.Stage.Describe(),
            project.Tier,
            project.TierReason,
            project.EstimatedValue,
            project.IsKeyDecision,
            UkTime.Today(clock).ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            activities.Select(a => new StatementActivity(a.Title, a.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), Words.Type(a.Type),
                LadderText.Rung(a.Rung), LadderOfCoProduction.GroupOf(a.Rung).Describe(), a.People, LadderText.Figure(a.Minutes))).ToList(),
            withWhom,
            noneGiven,
            people,
            ladderView,
            project.Requirements.Where(r => r.IsRequired).OrderBy(r => r.DueBy).ThenBy(r => r.Code, StringComparer.Ordinal).Select(StatementRequirement.From).ToList(),
            changes.Select(c => new StatementChange(c.Name, StatementText.Answer(c.PublishedKind!.Value, c.PublishedText ?? string.Empty, c.PublishedBy))).ToList());
    }
}

public sealed record StatementActivity(string Title, string Date, string Type, string Rung, string Group, int People, string Hours);

public sealed record AreaCount(string Area, int People)
{
    /// <summary>The count as the statement shows it: small numbers are not given exactly.</summary>
    public string Shown => Domain.Common.SmallNumbers.Describe(People);
}

/// <summary>A requirement and, in plain words, how it was met.</summary>
public sealed record StatementRequirement(string Code, string ShortName, string When, string Outcome, IReadOnlyList<string> Details)
{
    public static StatementRequirement From(ProjectRequirement r)
    {
        var when = r.IsOngoing ? "Ongoing while the service runs" : $"By the end of {r.DueBy}";
        var evidence = r.Evidence.OrderBy(e => e.DoneOn).ThenBy(e => e.Id)
            .Select(e => $"{e.DoneOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {e.WhatWasDone} ({StatementText.People(e.LivedExperienceCount)} with lived experience)")
            .ToList();
        var approved = r.Exceptions.Where(x => x.Decision == ExceptionDecision.Approved).OrderBy(x => x.DecidedUtc).LastOrDefault();
        return r.Status switch
        {
            RequirementStatus.Evidenced when r.IsOngoing => new(r.Code, r.ShortName, when,
                evidence.Count == 1 ? "Recorded once" : $"Recorded {evidence.Count} times", evidence),
            RequirementStatus.Evidenced => new(r.Code, r.ShortName, when, "Met", evidence),
            RequirementStatus.ExceptionApproved => new(r.Code, r.ShortName, when, "Not needed: exception approved",
                [$"Why it was not done: {approved!.Reason}", $"Why a co-production lead agreed: {approved.DecisionReason}"]),
            _ when r.IsOngoing => new(r.Code, r.ShortName, when, "Nothing recorded yet", []),
            RequirementStatus.ExceptionRequested => new(r.Code, r.ShortName, when, "Not yet met: an exception is waiting for a decision", []),
            _ => new(r.Code, r.ShortName, when, "Not yet met", []),
        };
    }
}

/// <summary>A published "you said, we did" answer.</summary>
public sealed record StatementChange(string Theme, string Answer);

public sealed record CoProductionStatementModel(
    int ProjectId,
    string Title,
    string ServiceArea,
    string Stage,
    int Tier,
    string TierReason,
    Money Value,
    bool IsKeyDecision,
    string PreparedOn,
    IReadOnlyList<StatementActivity> Activities,
    IReadOnlyList<AreaCount> WithWhom,
    int PeopleWithNoAreaGiven,
    int People,
    LadderView Ladder,
    IReadOnlyList<StatementRequirement> Requirements,
    IReadOnlyList<StatementChange> Changes)
{
    public string DocumentTitle => $"Co-production statement: {Title}";

    public string FileName => $"co-production-statement-{ProjectId}.pdf";

    public string PageUrl => $"/projects/{ProjectId}/statement";

    public string PdfUrl => $"/projects/{ProjectId}/statement.pdf";

    /// <summary>The summary in one sentence, for the top of the statement.</summary>
    public string InShort => !Ladder.HasInvolvement
        ? "No attendance at this project's activities has been recorded yet."
        : $"{StatementText.People(People)} with lived experience took part, giving {Ladder.Hours} over {StatementText.Count(Ladder.Attendances, "attendance", "attendances")} at {StatementText.Count(Activities.Count, "activity", "activities")}. "
          + $"{Ladder.DoingWithPercent}% of that time was \"doing with\" them: co-design and co-production.";
}

public static class StatementText
{
    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} {many}";

    public static string People(int n) => n == 1 ? "1 person" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} people";

    public static string Answer(Domain.Feedback.ResponseKind kind, string text, DateOnly? by) => kind switch
    {
        Domain.Feedback.ResponseKind.WeDid => $"We did: {text}",
        Domain.Feedback.ResponseKind.WeWillDo => by is { } date ? $"We will do, by {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {text}" : $"We will do: {text}",
        _ => $"We cannot do: {text}",
    };
}
