using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Reports;

/// <summary>How a required item stands against the stage it was due by.</summary>
public enum DueOutcome
{
    /// <summary>Evidence recorded, or an exception approved, before the project left the stage (or while it is still in it).</summary>
    OnTime = 0,

    /// <summary>Met, but only after the project had left the stage.</summary>
    Late = 1,

    /// <summary>The project left the stage and the item is still not met (possible after a re-assessment).</summary>
    NotMet = 2,

    /// <summary>The project is still in the stage and the item is not met yet.</summary>
    NotYet = 3,
}

public sealed partial class ReportPages
{
    public const int ExceptionsPageSize = 20;

    /// <summary>
    /// Required items on projects that have reached the stage each is due by, counted by tier, stage
    /// and outcome in one grouped query. An item is met at the first evidence recorded or the first
    /// exception approved; it is on time when that was before the project moved out of the stage.
    /// Ongoing items (due in Review) never block, so they are counted apart.
    /// </summary>
    public async Task<ReportPage> RequirementsAsync(int page, CancellationToken cancellationToken)
    {
        var counts = await db.ProjectRequirements.AsNoTracking()
            .Where(r => r.IsRequired && r.DueBy != CommissioningStage.Review)
            .Join(db.CommissioningProjects, r => r.ProjectId, p => p.Id, (r, p) => new
            {
                p.Tier,
                r.DueBy,
                p.Stage,
                FirstEvidence = r.Evidence.Min(e => (DateTime?)e.AddedUtc),
                FirstApproval = r.Exceptions.Where(x => x.Decision == ExceptionDecision.Approved).Min(x => x.DecidedUtc),
                LeftAt = p.StageMoves.Where(m => m.From == r.DueBy).Min(m => (DateTime?)m.AtUtc),
            })
            // Stages are stored as their names, so "reached" is "in it now, or moved out of it", not a comparison.
            .Where(x => x.Stage == x.DueBy || x.LeftAt != null)
            .Select(x => new
            {
                x.Tier,
                x.DueBy,
                Outcome = x.FirstEvidence == null && x.FirstApproval == null
                    ? (x.LeftAt == null ? DueOutcome.NotYet : DueOutcome.NotMet)
                    : (x.LeftAt == null || (x.FirstEvidence != null && x.FirstEvidence <= x.LeftAt) || (x.FirstApproval != null && x.FirstApproval <= x.LeftAt)
                        ? DueOutcome.OnTime
                        : DueOutcome.Late),
            })
            .GroupBy(x => new { x.Tier, x.DueBy, x.Outcome })
            .Select(g => new { g.Key.Tier, g.Key.DueBy, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var ongoing = await db.ProjectRequirements.AsNoTracking()
            .Where(r => r.IsRequired && r.DueBy == CommissioningStage.Review)
            .Join(db.CommissioningProjects.Where(p => p.Stage == CommissioningStage.Review), r => r.ProjectId, p => p.Id, (r, p) => new { p.Tier, Pieces = r.Evidence.Count })
            .GroupBy(x => x.Tier)
            .Select(g => new { Tier = g.Key, Items = g.Count(), WithEvidence = g.Count(x => x.Pieces > 0), Pieces = g.Sum(x => x.Pieces) })
            .OrderBy(x => x.Tier)
            .ToListAsync(cancellationToken);

        var exceptions = db.ExceptionRequests.AsNoTracking();
        var paging = Paging.Of(await exceptions.CountAsync(cancellationToken), ExceptionsPageSize, page);
        var exceptionRows = await ExceptionRowsAsync(Latest(exceptions).Skip(paging.Skip).Take(paging.Size), cancellationToken);

        var groups = counts.GroupBy(c => (c.Tier, c.DueBy)).OrderBy(g => g.Key.Tier).ThenBy(g => g.Key.DueBy)
            .Select(g => (g.Key.Tier, g.Key.DueBy, Counts: g.ToDictionary(c => c.Outcome, c => c.Count)))
            .ToList();
        int Of(Dictionary<DueOutcome, int> c, DueOutcome o) => c.GetValueOrDefault(o);
        var rows = groups.Select(g => (IReadOnlyList<ReportCell>)
        [
            ReportCell.Of($"Tier {g.Tier}, due by {g.DueBy}"),
            ReportCell.Of(g.Counts.Values.Sum()),
            ReportCell.Of(Of(g.Counts, DueOutcome.OnTime)),
            ReportCell.Of(Of(g.Counts, DueOutcome.Late)),
            ReportCell.Of(Of(g.Counts, DueOutcome.NotMet)),
            ReportCell.Of(Of(g.Counts, DueOutcome.NotYet)),
            OnTimeCell(g.Counts),
        ]).ToList();
        var all = counts.GroupBy(c => c.Outcome).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var totalItems = all.Values.Sum();
        var table = new ReportTable("Required items by tier and the stage they are due by", RequirementColumns, rows, rows.Count == 0 ? null :
        [
            ReportCell.Of("All tiers and stages"), ReportCell.Of(totalItems), ReportCell.Of(Of(all, DueOutcome.OnTime)), ReportCell.Of(Of(all, DueOutcome.Late)),
            ReportCell.Of(Of(all, DueOutcome.NotMet)), ReportCell.Of(Of(all, DueOutcome.NotYet)), OnTimeCell(all),
        ]);
        var chart = new BarChart("requirements-chart", "Share of required items met on time, by tier and stage",
            rows.Count == 0
                ? "No project has reached a stage with required items yet."
                : $"Of {Plural(totalItems, "required item", "required items")} whose stage has been reached, {Of(all, DueOutcome.OnTime):N0} were met on time ({OnTimeText(all)}), "
                  + $"{Of(all, DueOutcome.Late):N0} late, {Of(all, DueOutcome.NotMet):N0} not met and {Of(all, DueOutcome.NotYet):N0} not met yet. "
                  + string.Join(" ", groups.Select(g => $"Tier {g.Tier}, {g.DueBy}: {OnTimeText(g.Counts)} on time.")),
            groups.Select(g => new ChartBar($"Tier {g.Tier}, {g.DueBy}", OnTimePercent(g.Counts) ?? 0, OnTimeText(g.Counts))).ToList());

        var ongoingTable = new ReportTable("Ongoing items due in Review, on projects in Review", OngoingColumns,
            ongoing.Select(o => (IReadOnlyList<ReportCell>)[ReportCell.Of($"Tier {o.Tier}"), ReportCell.Of(o.Items), ReportCell.Of(o.WithEvidence), ReportCell.Of(o.Pieces)]).ToList());

        return new ReportPage("/reports/requirements", "Required co-production met on time",
            [
                "Each project must do the co-production its tier requires by the end of a stage. This report counts the required items on projects that have reached that stage.",
                "An item is met on time when evidence was recorded, or an exception approved, before the project moved out of the stage it was due by. An item on a project still in that stage counts as on time once it is met, and as not met yet until then.",
                "Ongoing items, due in Review, never hold a project up: they are recorded again and again, so they are counted apart.",
            ],
            null,
            [
                new ReportSection("on-time", "By tier and stage", table, "/reports/requirements.csv", chart),
                new ReportSection("ongoing", "Ongoing items in Review", ongoingTable, "/reports/requirements-ongoing.csv",
                    Note: ongoing.Count == 0 ? "No project in Review has ongoing items." : null),
                new ReportSection("exceptions", "Exceptions and their reasons", ExceptionsTable(exceptionRows), "/reports/exceptions.csv",
                    Note: "Every request for an exception, the latest first. The CSV holds all of them.", Paging: paging, PageLinkBase: "/reports/requirements"),
            ]);
    }

    /// <summary>The ongoing items' table on its own, for its CSV.</summary>
    public async Task<ReportTable> OngoingTableAsync(CancellationToken cancellationToken) =>
        (await RequirementsAsync(1, cancellationToken)).Sections[1].Table;

    /// <summary>Every exception, the latest first: the CSV of the exceptions table.</summary>
    public async Task<ReportTable> AllExceptionsAsync(CancellationToken cancellationToken) =>
        ExceptionsTable(await ExceptionRowsAsync(Latest(db.ExceptionRequests.AsNoTracking()), cancellationToken));

    private static readonly IReadOnlyList<ReportColumn> RequirementColumns =
    [
        new("Tier and stage"), new("Required items", true), new("Met on time", true), new("Met late", true),
        new("Not met", true), new("Not met yet", true), new("On time", true),
    ];

    private static readonly IReadOnlyList<ReportColumn> OngoingColumns =
        [new("Tier"), new("Ongoing items", true), new("With evidence", true), new("Pieces of evidence", true)];

    /// <summary>Met on time out of the items whose stage is over or met: those not met yet are still open, so they are left out.</summary>
    /// <returns>Null when every item is still open.</returns>
    public static int? OnTimePercent(IReadOnlyDictionary<DueOutcome, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var decided = counts.Where(c => c.Key != DueOutcome.NotYet).Sum(c => c.Value);
        return decided == 0 ? null : Percentages.Of(counts.GetValueOrDefault(DueOutcome.OnTime), decided);
    }

    private static ReportCell OnTimeCell(IReadOnlyDictionary<DueOutcome, int> counts) =>
        OnTimePercent(counts) is { } percent ? ReportCell.Percent(percent) : new ReportCell("None due yet", string.Empty);

    private static string OnTimeText(IReadOnlyDictionary<DueOutcome, int> counts) =>
        OnTimePercent(counts) is { } percent ? $"{percent}%" : "none due yet";

    private sealed record ExceptionRow(string Project, string Code, string ShortName, string Reason, ExceptionDecision? Decision, string? DecisionReason,
        DateTime RequestedUtc, DateTime? DecidedUtc);

    /// <summary>The latest first: sorted before any paging, so that pages neither overlap nor skip.</summary>
    private static IQueryable<ExceptionRequest> Latest(IQueryable<ExceptionRequest> requests) =>
        requests.OrderByDescending(x => x.RequestedUtc).ThenByDescending(x => x.Id);

    /// <param name="requests">Already sorted (and paged, for the page) by the caller.</param>
    private Task<List<ExceptionRow>> ExceptionRowsAsync(IQueryable<ExceptionRequest> requests, CancellationToken cancellationToken) =>
        requests
            .Select(x => new ExceptionRow(
                db.CommissioningProjects.Where(p => p.Id == x.Requirement.ProjectId).Select(p => p.Title).First(),
                x.Requirement.Code, x.Requirement.ShortName, x.Reason, x.Decision, x.DecisionReason, x.RequestedUtc, x.DecidedUtc))
            .ToListAsync(cancellationToken);

    private static ReportTable ExceptionsTable(List<ExceptionRow> rows) => new("Exceptions to required co-production, the latest first",
        [new("Project"), new("Requirement"), new("Reason asked"), new("Asked on"), new("Decision"), new("Reason for the decision"), new("Decided on")],
        rows.Select(r => (IReadOnlyList<ReportCell>)
        [
            ReportCell.Of(r.Project),
            ReportCell.Of($"{r.Code} {r.ShortName}"),
            ReportCell.Of(r.Reason),
            ReportCell.Of(UkTime.ToUk(r.RequestedUtc).ToString("d MMMM yyyy", Uk)),
            ReportCell.Of(r.Decision switch { ExceptionDecision.Approved => "Approved", ExceptionDecision.Declined => "Declined", _ => "Waiting for a decision" }),
            ReportCell.Of(r.DecisionReason ?? string.Empty),
            ReportCell.Of(r.DecidedUtc is { } decided ? UkTime.ToUk(decided).ToString("d MMMM yyyy", Uk) : string.Empty),
        ]).ToList());
}
