using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Statement;

/// <summary>
/// A person's own payment statement for one tax year (6 April to 5 April), as a flat read model.
/// A claim belongs to the tax year of its activity's date. The database adds up the totals and
/// pages the list: four commands however many claims there are.
/// </summary>
public sealed class StatementPages(CoProduceDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<StatementPage> ReadAsync(string userId, int? startYear, int page, CancellationToken cancellationToken)
    {
        var profileId = await db.ExpertProfiles.Where(p => p.UserId == userId).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var mine = db.Claims.Where(c => c.ExpertProfileId == profileId)
            .Join(db.Activities, c => c.ActivityId, a => a.Id, (c, a) => new { Claim = c, a.Title, a.Date });

        // The years to choose from: from the first claim's to this one, newest first.
        var thisYear = EarningsPeriods.TaxYear(UkTime.Today(clock)).First.Year;
        var firstDate = await mine.OrderBy(x => x.Date).Select(x => (DateOnly?)x.Date).FirstOrDefaultAsync(cancellationToken);
        var firstYear = Math.Min(firstDate is { } date ? EarningsPeriods.TaxYear(date).First.Year : thisYear, thisYear);
        var years = Enumerable.Range(firstYear, thisYear - firstYear + 1).Reverse().ToList();
        var year = startYear is { } asked && years.Contains(asked) ? asked : thisYear;
        var period = EarningsPeriods.TaxYear(new DateOnly(year, 4, 6));

        var inYear = mine.Where(x => x.Date >= period.First && x.Date <= period.Last);
        var byStatus = await inYear.GroupBy(x => x.Claim.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Pence = g.Sum(x => (long)(object)x.Claim.Total) })
            .ToListAsync(cancellationToken);
        var totals = StatementGroups.Totalled
            .Select(group => new StatementTotal(group, StatementText.Total(group),
                Money.FromPence(byStatus.Where(s => StatementGroups.Of(s.Status) == group).Sum(s => s.Pence)),
                byStatus.Where(s => StatementGroups.Of(s.Status) == group).Sum(s => s.Count)))
            .ToList();

        var paging = Paging.Of(byStatus.Sum(s => s.Count), PageSize, page);
        var rows = await inYear.OrderByDescending(x => x.Date).ThenByDescending(x => x.Claim.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(x => new { x.Claim.Id, x.Title, x.Date, x.Claim.Status, x.Claim.FeeTaken, x.Claim.Total, x.Claim.Origin })
            .ToListAsync(cancellationToken);

        return new StatementPage(
            year,
            StatementText.TaxYear(period),
            years.Select(y => new TaxYearChoice(y, StatementText.TaxYear(EarningsPeriods.TaxYear(new DateOnly(y, 4, 6))), y == year)).ToList(),
            totals,
            rows.Select(r => new StatementRow(
                r.Id,
                r.Title,
                r.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
                r.Origin == ClaimOrigin.Correction,
                r.FeeTaken,
                r.Total - r.FeeTaken,
                r.Total,
                StatementText.Status(r.Status))).ToList(),
            paging);
    }
}

public sealed record TaxYearChoice(int StartYear, string Text, bool Chosen);

/// <summary>One total of the statement: what it is, how much, and how many claims make it.</summary>
public sealed record StatementTotal(StatementGroup Group, string Text, Money Amount, int ClaimCount);

/// <summary>One claim on the statement. The link is to the claim's own page.</summary>
public sealed record StatementRow(int ClaimId, string Activity, string Date, bool IsCorrection, Money Fee, Money Expenses, Money Total, string Status)
{
    public string Link => $"/my-payments/claims/{ClaimId}";
}

public sealed record StatementPage(int StartYear, string TaxYear, IReadOnlyList<TaxYearChoice> Years, IReadOnlyList<StatementTotal> Totals,
    IReadOnlyList<StatementRow> Claims, Paging Paging)
{
    public string Link(int page) => $"/my-payments?year={StartYear}&page={page}";
}

/// <summary>The statement's words, for a person reading about their own money.</summary>
public static class StatementText
{
    public static string TaxYear(DatePeriod year) =>
        $"{year.First.Year} to {year.Last.Year} (6 April {year.First.Year} to 5 April {year.Last.Year})";

    public static string Total(StatementGroup group) => group switch
    {
        StatementGroup.Paid => "Paid to you",
        StatementGroup.ApprovedNotPaid => "Approved, waiting to be paid",
        StatementGroup.WithFinance => "With finance to check",
        StatementGroup.Draft => "Drafts you still need to finish and send",
        _ => group.ToString(),
    };

    public static string Status(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft => "Draft: finish it and send it",
        ClaimStatus.Submitted or ClaimStatus.AwaitingSecondApproval => "With finance",
        ClaimStatus.Queried => "Finance asked you a question",
        ClaimStatus.Approved => "Approved, waiting to be paid",
        ClaimStatus.Batched => "Approved, being paid",
        ClaimStatus.Paid => "Paid",
        ClaimStatus.Rejected => "Not paid: rejected",
        _ => status.ToString(),
    };
}
