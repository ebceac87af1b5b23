using CoProduce.Web.Data.Configurations;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Organising;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Reports;

public sealed partial class ReportPages
{
    /// <summary>One person under one area they gave: whether they are on the roster, and how often they took part.</summary>
    private sealed class AreaPerson
    {
        public LivedExperienceArea Area { get; init; }
        public int OnRoster { get; init; }
        public int Attendances { get; init; }
    }

    /// <summary>
    /// Different people who attended an activity in the last 12 months, out of everyone on the roster,
    /// overall and under each area of lived experience they gave (a person counts under each of their
    /// areas), and how concentrated involvement is. No names: only counts leave the database.
    /// </summary>
    public async Task<ReportPage> ReachAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var since = today.AddMonths(-12);
        var attended = db.SignUps.Where(s => s.Attendance == Attendance.Attended)
            .Join(db.Activities.Where(a => a.Date > since && a.Date <= today), s => s.ActivityId, a => a.Id, (s, a) => s.ExpertProfileId);
        var onRoster = await db.ExpertProfiles.CountAsync(p => p.AnonymisedUtc == null
            && p.ConsentHistory.Any(e => e.Change == ConsentChange.Given && !p.ConsentHistory.Any(later => later.Number > e.Number)), cancellationToken);
        var perPerson = await attended.GroupBy(id => id).Select(g => g.Count()).ToListAsync(cancellationToken);
        var reach = RosterReach.Summarise(onRoster, perPerson);

        // One query for every area: each area's people (one row per person and area), added up by the database.
        IQueryable<AreaPerson>? everyArea = null;
        foreach (var area in Enum.GetValues<LivedExperienceArea>())
        {
            var theirs = db.ExpertProfiles.Where(ChoiceSet.Holds<ExpertProfile, LivedExperienceArea>(p => p.LivedExperience, area))
                .Select(p => new AreaPerson
                {
                    Area = area,
                    OnRoster = p.AnonymisedUtc == null && p.ConsentHistory.Any(e => e.Change == ConsentChange.Given && !p.ConsentHistory.Any(later => later.Number > e.Number)) ? 1 : 0,
                    Attendances = attended.Count(id => id == p.Id),
                });
            everyArea = everyArea is null ? theirs : everyArea.Concat(theirs);
        }
        var areas = (await everyArea!.GroupBy(x => x.Area)
                .Select(g => new { Area = g.Key, OnRoster = g.Sum(x => x.OnRoster), Involved = g.Count(x => x.Attendances > 0), Attendances = g.Sum(x => x.Attendances) })
                .ToListAsync(cancellationToken))
            .ToDictionary(a => a.Area);

        var rows = new List<IReadOnlyList<ReportCell>>
        {
            new[] { ReportCell.Of("Everyone"), ReportCell.Of(reach.PeopleOnRoster), ReportCell.Of(reach.PeopleInvolved), ReportCell.Percent(reach.ReachPercent), ReportCell.Of(reach.Attendances) },
        };
        var bars = new List<ChartBar> { new("Everyone", reach.ReachPercent, $"{reach.ReachPercent}%") };
        foreach (var area in Enum.GetValues<LivedExperienceArea>())
        {
            var figures = areas.GetValueOrDefault(area);
            var (people, involved, attendances) = (figures?.OnRoster ?? 0, figures?.Involved ?? 0, figures?.Attendances ?? 0);
            // As for everyone: people who have left the roster may still have been involved.
            var percent = Percentages.Of(involved, Math.Max(people, involved));
            rows.Add([ReportCell.Of(Words.Area(area)), ReportCell.Of(people), ReportCell.Of(involved), ReportCell.Percent(percent), ReportCell.Of(attendances)]);
            bars.Add(new(Words.Area(area), percent, $"{percent}%"));
        }
        var table = new ReportTable($"People involved from {since.AddDays(1).ToString("d MMMM yyyy", Uk)} to {today.ToString("d MMMM yyyy", Uk)}, by lived experience",
            [new("Lived experience"), new("On the roster", true), new("Involved", true), new("Reach", true), new("Attendances", true)], rows);
        var concentration = reach.PeopleInvolved == 0
            ? "Nobody has taken part in the last 12 months."
            : $"The most involved {Plural(reach.MostInvolvedCount, "person", "people")} (a tenth of those involved) took {reach.MostInvolvedSharePercent}% of the {Plural(reach.Attendances, "attendance", "attendances")}."
              + (reach.IsConcentrated ? " Involvement is concentrated on a few people: invite people who have not taken part." : string.Empty);
        var chart = new BarChart("reach-chart", "Reach: the share of people on the roster involved in the last 12 months, by lived experience",
            $"{reach.PeopleInvolved:N0} of {reach.PeopleOnRoster:N0} people on the roster were involved ({reach.ReachPercent}%). "
            + string.Join(" ", Enum.GetValues<LivedExperienceArea>().Select((a, i) => $"{Words.Area(a)}: {bars[i + 1].ValueText}.")),
            bars);
        return new ReportPage("/reports/roster-reach", "Roster reach",
            [
                "How many different people took part in an activity (their attendance was recorded) in the last 12 months, out of everyone on the roster now. People who have left the roster but took part are counted as well.",
                "A person counts under each area of lived experience they gave, so the areas add up to more than everyone. The report shows no names.",
                "Concentration says whether the same few people do most of the involvement. The Gini coefficient is 0 when everyone involved took part equally and nears 1 when one person did it all.",
            ],
            null,
            [
                new ReportSection("reach", "Reach by lived experience", table, "/reports/roster-reach.csv", chart,
                [
                    new("Most involved tenth's share", $"{reach.MostInvolvedSharePercent}%", "most-involved-share"),
                    new("Gini coefficient", reach.Gini.ToString("0.00", Uk), "gini"),
                    new("What this means", concentration),
                ]),
            ]);
    }
}
