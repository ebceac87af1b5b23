using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Reports;

public sealed partial class ReportPages
{
    /// <summary>
    /// For each activity in the year that had feedback, the days from the activity to the first
    /// publication of its project's "you said, we did" on or after that day; or, while there is none,
    /// the days so far. Two commands: the activities, and their projects' publications.
    /// </summary>
    public async Task<ReportPage> YouSaidWeDidAsync(int? year, CancellationToken cancellationToken)
    {
        var period = YearOf(year);
        var (first, last) = Dates(period);
        var today = Today;
        var withFeedback = db.Activities.Where(a => a.Date >= first && a.Date <= last && db.FeedbackItems.Any(i => i.ActivityId == a.Id));
        var activities = await withFeedback
            .Join(db.CommissioningProjects, a => a.ProjectId, p => p.Id, (a, p) => new { a.Id, a.Title, a.Date, a.ProjectId, Project = p.Title })
            .OrderBy(a => a.Project).ThenBy(a => a.ProjectId).ThenBy(a => a.Date).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var since = UkTime.ToUtc(first, TimeOnly.MinValue);
        var published = (await db.YouSaidWeDidPublications.AsNoTracking()
                .Where(p => p.PublishedUtc >= since && withFeedback.Any(a => a.ProjectId == p.ProjectId))
                .Select(p => new { p.ProjectId, p.PublishedUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.ProjectId, p => DateOnly.FromDateTime(UkTime.ToUk(p.PublishedUtc)));

        var waits = activities.Select(a => (Activity: a, Wait: AnswerWaits.For(a.Date, published[a.ProjectId], today))).ToList();
        var done = waits.Where(w => w.Wait.IsPublished).Select(w => w.Wait.Days).ToList();
        var median = AnswerWaits.Median(done);
        var waiting = waits.Where(w => !w.Wait.IsPublished).ToList();
        static IReadOnlyList<ReportCell> Cells(string activity, DateOnly date, AnswerWait wait) =>
        [
            ReportCell.Of(activity),
            ReportCell.Of(date.ToString("d MMMM yyyy", Uk)),
            ReportCell.Of(wait.PublishedOn?.ToString("d MMMM yyyy", Uk) ?? "Not yet"),
            wait.IsPublished
                ? new ReportCell(Plural(wait.Days, "day", "days"), wait.Days.ToString(Uk))
                : ReportCell.Of($"Not yet: {Plural(wait.Days, "day", "days")} so far"),
        ];
        var projects = waits.GroupBy(w => (w.Activity.ProjectId, w.Activity.Project)).ToList();
        var sections = projects.Select(p => new ReportSection($"project-{p.Key.ProjectId}", p.Key.Project,
            new ReportTable($"Activities with feedback for {p.Key.Project}", WaitColumns,
                p.Select(w => Cells(w.Activity.Title, w.Activity.Date, w.Wait)).ToList()),
            null)).ToList();
        var everything = new ReportTable($"Activities with feedback and the wait for \"you said, we did\", {period.Name}",
            [new("Project"), .. WaitColumns],
            waits.Select(w => (IReadOnlyList<ReportCell>)[ReportCell.Of(w.Activity.Project), .. Cells(w.Activity.Title, w.Activity.Date, w.Wait)]).ToList());

        var projectMedians = projects.Select(p => (Name: p.Key.Project, Median: AnswerWaits.Median(p.Where(w => w.Wait.IsPublished).Select(w => w.Wait.Days)))).ToList();
        var chart = new BarChart("wait-chart", $"Median days from an activity to \"you said, we did\", by project, {period.Name}",
            waits.Count == 0
                ? $"No activity in {period.Name} has feedback recorded."
                : $"{Plural(waits.Count, "activity", "activities")} with feedback: {done.Count:N0} answered, {waiting.Count:N0} still waiting. "
                  + (median is { } m ? $"The median wait was {Days(m)} and the longest {Plural(done.Max(), "day", "days")}. " : "None answered yet. ")
                  + string.Join(" ", projectMedians.Select(p => $"{p.Name}: {(p.Median is { } pm ? Days(pm) : "none answered yet")}.")),
            projectMedians.Select(p => new ChartBar(p.Name, p.Median ?? 0m, p.Median is { } pm ? Days(pm) : "none yet")).ToList());
        var summary = new ReportSection("waits", "The wait", everything, null, Facts:
        [
            new("Activities with feedback", waits.Count.ToString("N0", Uk), "activities-with-feedback"),
            new("Median wait", median is { } med ? Days(med) : "None answered yet", "median-wait"),
            new("Longest wait", done.Count == 0 ? "None answered yet" : Plural(done.Max(), "day", "days"), "longest-wait"),
            new("Still waiting", waiting.Count == 0 ? "None" : $"{Plural(waiting.Count, "activity", "activities")}, the longest for {Plural(waiting.Max(w => w.Wait.Days), "day", "days")}", "still-waiting"),
        ], ShowTable: false);
        var all = new ReportSection("all-projects", "All projects", everything, $"/reports/you-said-we-did.csv?year={period.StartYear}", chart, ShowTable: false);
        return new ReportPage("/reports/you-said-we-did", "Time to \"you said, we did\"",
            [
                "People who give their time want to know what changed because of it. For each activity in the year where feedback was recorded, this report counts the days from the activity to the first time its project published \"you said, we did\" on or after that day.",
                "While nothing has been published since, it counts the days so far. The median and longest waits are of the activities that have been answered.",
            ],
            period,
            [summary, .. sections, all]);
    }

    private static readonly IReadOnlyList<ReportColumn> WaitColumns = [new("Activity"), new("Date"), new("Published on"), new("Days", true)];

    private static string Days(decimal days) => days == 1m ? "1 day" : $"{days.ToString("0.#", Uk)} days";
}
