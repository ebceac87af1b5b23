using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Ladder;

/// <summary>
/// Reads the ladder of co-production: involvement at each rung, from attendance. The database
/// counts and adds up (one grouped command for a project; for the comparison, one count, one page
/// and one total), and <see cref="LadderOfCoProduction"/> turns the figures into shares.
/// </summary>
public sealed class LadderPages(CoProduceDbContext db)
{
    public const int PageSize = 20;

    /// <summary>One row per attended sign-up: the project and rung of its activity, and its minutes.</summary>
    private IQueryable<AttendedRow> Attended =>
        from s in db.SignUps
        where s.Attendance == Attendance.Attended
        join a in db.Activities on s.ActivityId equals a.Id
        select new AttendedRow { ProjectId = a.ProjectId, ActivityId = a.Id, Rung = a.Rung, PersonId = s.ExpertProfileId, Minutes = s.ActivityMinutes ?? 0 };

    /// <summary>A project's ladder, from one grouped command: different people, attendances and minutes per rung.</summary>
    public async Task<LadderView> ProjectAsync(int projectId, CancellationToken cancellationToken)
    {
        var rows = await Attended.Where(x => x.ProjectId == projectId)
            .GroupBy(x => x.Rung)
            .Select(g => new { Rung = g.Key, People = g.Select(x => x.PersonId).Distinct().Count(), Attendances = g.Count(), Minutes = g.Sum(x => x.Minutes) })
            .ToListAsync(cancellationToken);
        return LadderView.From(LadderOfCoProduction.Summarise(rows.Select(r => new RungInvolvement(r.Rung, r.People, r.Attendances, r.Minutes))));
    }

    /// <summary>Every project's ladder side by side, sorted and paged by the database, with a total row.</summary>
    public async Task<LadderComparisonModel> CompareAsync(string? sort, int page, CancellationToken cancellationToken)
    {
        sort = sort is LadderComparisonModel.ByHours or LadderComparisonModel.ByTitle ? sort : LadderComparisonModel.ByDoingWith;
        var attended = Attended;
        var projects = db.CommissioningProjects.AsNoTracking().Select(p => new
        {
            p.Id,
            p.Title,
            p.Stage,
            Attendances = attended.Count(x => x.ProjectId == p.Id),
            Minutes = attended.Where(x => x.ProjectId == p.Id).Sum(x => x.Minutes),
            With = attended.Where(x => x.ProjectId == p.Id && (x.Rung == LadderRung.CoDesign || x.Rung == LadderRung.CoProduction)).Sum(x => x.Minutes),
            For = attended.Where(x => x.ProjectId == p.Id && (x.Rung == LadderRung.Informing || x.Rung == LadderRung.Consultation || x.Rung == LadderRung.Engagement)).Sum(x => x.Minutes),
            To = attended.Where(x => x.ProjectId == p.Id && (x.Rung == LadderRung.Coercion || x.Rung == LadderRung.Educating)).Sum(x => x.Minutes),
        });
        var sorted = sort switch
        {
            LadderComparisonModel.ByHours => projects.OrderByDescending(p => p.Minutes).ThenBy(p => p.Title).ThenBy(p => p.Id),
            LadderComparisonModel.ByTitle => projects.OrderBy(p => p.Title).ThenBy(p => p.Id),
            // Projects with no attendance yet go last, after those with a share of 0.
            _ => projects.OrderByDescending(p => p.Minutes == 0 ? -1.0 : p.With * 1.0 / p.Minutes).ThenByDescending(p => p.Minutes).ThenBy(p => p.Title).ThenBy(p => p.Id),
        };

        var paging = Paging.Of(await db.CommissioningProjects.CountAsync(cancellationToken), PageSize, page);
        var rows = await sorted.Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var total = await attended.GroupBy(x => 1)
            .Select(g => new
            {
                People = g.Select(x => x.PersonId).Distinct().Count(),
                Attendances = g.Count(),
                Minutes = g.Sum(x => x.Minutes),
                With = g.Sum(x => x.Rung == LadderRung.CoDesign || x.Rung == LadderRung.CoProduction ? x.Minutes : 0),
                For = g.Sum(x => x.Rung == LadderRung.Informing || x.Rung == LadderRung.Consultation || x.Rung == LadderRung.Engagement ? x.Minutes : 0),
                To = g.Sum(x => x.Rung == LadderRung.Coercion || x.Rung == LadderRung.Educating ? x.Minutes : 0),
            })
            .SingleOrDefaultAsync(cancellationToken);

        return new LadderComparisonModel(
            rows.Select(r => new LadderComparisonRow(r.Id, r.Title, r.Stage, r.Attendances, r.Minutes, Shares.Of(r.With, r.For, r.To))).ToList(),
            new LadderComparisonTotal(total?.People ?? 0, total?.Attendances ?? 0, total?.Minutes ?? 0, Shares.Of(total?.With ?? 0, total?.For ?? 0, total?.To ?? 0)),
            sort,
            paging);
    }

    private sealed class AttendedRow
    {
        public int ProjectId { get; init; }
        public int ActivityId { get; init; }
        public LadderRung Rung { get; init; }
        public int PersonId { get; init; }
        public int Minutes { get; init; }
    }
}

/// <summary>The three shares of the hours, in whole per cents that add up to 100 (all 0 with no hours).</summary>
public sealed record Shares(int DoingWith, int DoingFor, int DoingTo, bool HasInvolvement)
{
    /// <summary>From the minutes in each group, through the ladder's own rule (largest remainder).</summary>
    public static Shares Of(int withMinutes, int forMinutes, int toMinutes)
    {
        var summary = LadderOfCoProduction.Summarise(
        [
            new RungInvolvement(LadderRung.CoProduction, 0, 0, withMinutes),
            new RungInvolvement(LadderRung.Engagement, 0, 0, forMinutes),
            new RungInvolvement(LadderRung.Educating, 0, 0, toMinutes),
        ]);
        return new(summary.Group(LadderGroup.DoingWith).SharePercent, summary.Group(LadderGroup.DoingFor).SharePercent,
            summary.Group(LadderGroup.DoingTo).SharePercent, summary.HasInvolvement);
    }
}

/// <summary>One rung of a project's ladder, for the table.</summary>
public sealed record LadderRungRow(string Rung, string Group, int People, int Attendances, int Minutes)
{
    public string Hours => LadderText.Hours(Minutes);

    public string HoursFigure => LadderText.Figure(Minutes);
}

/// <summary>One group's share, for the table and the chart.</summary>
public sealed record LadderShareRow(LadderGroup Group, string Name, string Rungs, int Minutes, int Percent)
{
    public string Hours => LadderText.Hours(Minutes);

    public string HoursFigure => LadderText.Figure(Minutes);
}

/// <summary>A project's ladder as the page shows it: rungs top-down, then the three shares.</summary>
public sealed record LadderView(IReadOnlyList<LadderRungRow> Rungs, IReadOnlyList<LadderShareRow> Shares, int Attendances, int Minutes, bool HasInvolvement)
{
    public string Hours => LadderText.Hours(Minutes);

    public string HoursFigure => LadderText.Figure(Minutes);

    public int DoingWithPercent => Shares.Single(s => s.Group == LadderGroup.DoingWith).Percent;

    public ShareChart Chart(string id) => ShareChart.Of(id, DoingWithPercent,
        Shares.Single(s => s.Group == LadderGroup.DoingFor).Percent, Shares.Single(s => s.Group == LadderGroup.DoingTo).Percent);

    public static LadderView From(LadderSummary summary) => new(
        summary.Rungs.Select(r => new LadderRungRow(LadderText.Rung(r.Rung), LadderOfCoProduction.GroupOf(r.Rung).Describe(), r.People, r.Attendances, r.Minutes)).ToList(),
        summary.Groups.Select(g => new LadderShareRow(g.Group, g.Group.Describe(), g.Group.Rungs(), g.Minutes, g.SharePercent)).ToList(),
        summary.Attendances,
        summary.Minutes,
        summary.HasInvolvement);
}

public sealed record LadderComparisonRow(int Id, string Title, CommissioningStage Stage, int Attendances, int Minutes, Shares Shares)
{
    public string Hours => LadderText.Hours(Minutes);

    public string HoursFigure => LadderText.Figure(Minutes);
}

public sealed record LadderComparisonTotal(int People, int Attendances, int Minutes, Shares Shares)
{
    public string Hours => LadderText.Hours(Minutes);

    public string HoursFigure => LadderText.Figure(Minutes);
}

public sealed record LadderComparisonModel(IReadOnlyList<LadderComparisonRow> Rows, LadderComparisonTotal Total, string Sort, Paging Paging)
{
    /// <summary>Highest "doing with" share first (the default).</summary>
    public const string ByDoingWith = "doing-with";

    /// <summary>Most hours first.</summary>
    public const string ByHours = "hours";

    public const string ByTitle = "title";

    public string Link(int page) => $"/projects/ladder?sort={Sort}&page={page}";
}

/// <summary>The ladder's words.</summary>
public static class LadderText
{
    /// <summary>Hours to one decimal place, from minutes: "2 hours", "1.5 hours", "1 hour".</summary>
    public static string Hours(int minutes)
    {
        var hours = Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero);
        return hours == 1 ? "1 hour" : hours.ToString("0.#", CultureInfo.InvariantCulture) + " hours";
    }

    /// <summary>Hours to one decimal place, as a figure for a table column headed "Hours": "2", "1.5".</summary>
    public static string Figure(int minutes) =>
        Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Rung(LadderRung rung) => rung switch
    {
        LadderRung.CoProduction => "Co-production",
        LadderRung.CoDesign => "Co-design",
        LadderRung.Engagement => "Engagement",
        LadderRung.Consultation => "Consultation",
        LadderRung.Informing => "Informing",
        LadderRung.Educating => "Educating",
        LadderRung.Coercion => "Coercion",
        _ => rung.ToString(),
    };
}

/// <summary>One share in the stacked bar: its words, per cent and colour class.</summary>
public sealed record ChartShare(string Name, string Rungs, int Percent, string Css);

/// <summary>The stacked bar of the three shares; <paramref name="Id"/> keeps its title's id unique on the page.</summary>
public sealed record ShareChart(string Id, string Summary, IReadOnlyList<ChartShare> Shares)
{
    public static ShareChart Of(string id, int doingWith, int doingFor, int doingTo) => new(
        id,
        $"Share of the hours people gave: doing with {doingWith}%, doing for {doingFor}%, doing to {doingTo}%.",
        [
            new(LadderGroup.DoingWith.Describe(), LadderGroup.DoingWith.Rungs(), doingWith, "with"),
            new(LadderGroup.DoingFor.Describe(), LadderGroup.DoingFor.Rungs(), doingFor, "for"),
            new(LadderGroup.DoingTo.Describe(), LadderGroup.DoingTo.Rungs(), doingTo, "to"),
        ]);
}
