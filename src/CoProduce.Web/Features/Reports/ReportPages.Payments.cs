using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Reports;

public sealed partial class ReportPages
{
    /// <summary>
    /// Claims approved and paid in each month of a financial year, by the month of the activity they are
    /// for, as the budget counts them: the database adds up the pence and counts the claims by month.
    /// </summary>
    public async Task<ReportPage> PaymentsAsync(int? year, CancellationToken cancellationToken)
    {
        var period = YearOf(year);
        var (first, last) = Dates(period);
        var sums = await (from c in db.Claims
                          join a in db.Activities on c.ActivityId equals a.Id
                          where a.Date >= first && a.Date <= last
                                && (c.Status == ClaimStatus.Approved || c.Status == ClaimStatus.Batched || c.Status == ClaimStatus.Paid)
                          group c by new { a.Date.Year, a.Date.Month, Paid = c.Status == ClaimStatus.Paid } into g
                          select new { g.Key.Year, g.Key.Month, g.Key.Paid, Count = g.Count(), Pence = g.Sum(c => (long)(object)c.Total) })
            .ToListAsync(cancellationToken);

        var months = Enumerable.Range(0, 12).Select(i => first.AddMonths(i)).ToList();
        (int Count, Money Amount) Of(DateOnly month, bool paid) =>
            sums.Where(s => s.Year == month.Year && s.Month == month.Month && s.Paid == paid)
                .Aggregate((Count: 0, Amount: Money.Zero), (sum, s) => (sum.Count + s.Count, sum.Amount + Money.FromPence(s.Pence)));
        var figures = months.Select(m => (Month: m, Approved: Of(m, false), Paid: Of(m, true))).ToList();
        var rows = figures.Select(f => (IReadOnlyList<ReportCell>)
        [
            ReportCell.Of(f.Month.ToString("MMMM yyyy", Uk)),
            ReportCell.Of(f.Approved.Count), ReportCell.Of(f.Approved.Amount),
            ReportCell.Of(f.Paid.Count), ReportCell.Of(f.Paid.Amount),
            ReportCell.Of(f.Approved.Amount + f.Paid.Amount),
        ]).ToList();
        var approvedCount = figures.Sum(f => f.Approved.Count);
        var paidCount = figures.Sum(f => f.Paid.Count);
        var approved = figures.Aggregate(Money.Zero, (sum, f) => sum + f.Approved.Amount);
        var paid = figures.Aggregate(Money.Zero, (sum, f) => sum + f.Paid.Amount);
        var table = new ReportTable($"Claims approved and paid, by month, {period.Name}",
            [new("Month"), new("Claims approved, not yet paid", true), new("Approved, not yet paid", true), new("Claims paid", true), new("Paid", true), new("Approved and paid", true)],
            rows,
            [ReportCell.Of("Whole year"), ReportCell.Of(approvedCount), ReportCell.Of(approved), ReportCell.Of(paidCount), ReportCell.Of(paid), ReportCell.Of(approved + paid)]);
        var busiest = figures.MaxBy(f => (f.Approved.Amount + f.Paid.Amount).Pence);
        var chart = new BarChart("payments-chart", $"Money approved and paid for each month's activities, {period.Name}",
            approvedCount + paidCount == 0
                ? $"No claims for activities in {period.Name} have been approved or paid yet."
                : $"{paid.Format()} paid on {Plural(paidCount, "claim", "claims")} and {approved.Format()} approved and waiting to be paid on {Plural(approvedCount, "claim", "claims")}: "
                  + $"{(approved + paid).Format()} in all. The most was for {busiest.Month.ToString("MMMM yyyy", Uk)}: {(busiest.Approved.Amount + busiest.Paid.Amount).Format()}.",
            figures.Select(f => new ChartBar(f.Month.ToString("MMMM yyyy", Uk), (f.Approved.Amount + f.Paid.Amount).Pounds, (f.Approved.Amount + f.Paid.Amount).Format())).ToList());
        return new ReportPage("/reports/payments", "Payments by month",
            [
                "Involvement payments for activities in each month of the financial year, by the month of the activity, as the co-production budget counts them.",
                "Approved means approved by finance, or in a payment batch, and not yet paid. Paid means paid. Claims waiting for a decision, and rejected claims, are left out. A correction that gives money back counts below £0.",
            ],
            period,
            [new ReportSection("payments", "By month", table, $"/reports/payments.csv?year={period.StartYear}", chart)]);
    }
}
