using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Budget;

/// <summary>
/// The co-production budget for a financial year against what is committed, approved and paid for
/// activities in that year (see <see cref="BudgetFigures"/> for what each means). The database adds
/// up the claims by status, and counts the places not yet claimed by their fixed fee's terms; the
/// fee rule is then worked once for each set of terms.
/// </summary>
public sealed class BudgetPages(CoProduceDbContext db, TimeProvider clock)
{
    public static string YearName(int startYear) => $"April {startYear} to March {startYear + 1}";

    public int CurrentYear => CoProductionBudget.StartYearOf(UkTime.Today(clock));

    public async Task<BudgetPage> PageAsync(int? year, BudgetForm form, CancellationToken cancellationToken)
    {
        var startYear = year is >= 2000 and <= 2100 ? year.Value : CurrentYear;
        var figures = await FiguresAsync(startYear, cancellationToken);
        form.Year = startYear;
        form.Amount ??= figures.Budget?.Pounds.ToString("0.##", CultureInfo.InvariantCulture);
        return new BudgetPage(startYear, YearName(startYear), figures.Budget, figures.Committed, figures.Approved, figures.Paid, figures.Remaining, figures.IsOverspent,
            startYear > 2000 ? startYear - 1 : null, startYear < 2100 ? startYear + 1 : null, form);
    }

    public async Task<BudgetFigures> FiguresAsync(int startYear, CancellationToken cancellationToken)
    {
        var first = new DateOnly(startYear, 4, 1);
        var last = new DateOnly(startYear + 1, 3, 31);
        var budget = await db.CoProductionBudgets.AsNoTracking().Where(b => b.StartYear == startYear).Select(b => (Money?)b.Amount).SingleOrDefaultAsync(cancellationToken);
        var byStatus = await (from c in db.Claims
                              join a in db.Activities on c.ActivityId equals a.Id
                              where a.Date >= first && a.Date <= last
                              group c by c.Status into g
                              select new { Status = g.Key, Pence = g.Sum(c => (long)(object)c.Total) }).ToListAsync(cancellationToken);
        // Confirmed places with a fee fixed, at activities that go ahead, not claimed for yet (a draft is a claim),
        // of people who take a fee: someone who chose not to be paid for their time commits nothing.
        var places = await (from s in db.SignUps
                            join a in db.Activities on s.ActivityId equals a.Id
                            where a.Date >= first && a.Date <= last && a.Status != ActivityStatus.Cancelled
                                  && s.Status == SignUpStatus.Confirmed && s.FeeKind != null && s.FeeAmount != null
                                  && (s.Attendance == Attendance.NotRecorded || s.Attendance == Attendance.Attended)
                                  // A correction carries its original's sign-up, so asking for an original claim asks the same,
                                  // and lets the database use the unique index on originals' sign-ups (not scan every claim per place).
                                  && !db.Claims.Any(c => c.SignUpId == s.Id && c.CorrectsClaimId == null)
                                  && db.ExpertProfiles.Any(p => p.Id == s.ExpertProfileId && p.PaymentPreference != PaymentPreference.NoPayment)
                            group s by new { a.StartTime, a.EndTime, s.ActivityMinutes, s.PreparationMinutes, s.TravelMinutes, s.FeeKind, s.FeeAmount, s.FeePaysPreparation, s.FeePaysTravel } into g
                            select new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var unclaimed = places.Aggregate(Money.Zero, (sum, p) =>
        {
            // Until attendance is recorded, the place is expected to take the activity's planned time.
            var time = p.Key.ActivityMinutes is { } minutes
                ? new TimeGiven(minutes, p.Key.PreparationMinutes ?? 0, p.Key.TravelMinutes ?? 0)
                : new TimeGiven((int)(p.Key.EndTime - p.Key.StartTime).TotalMinutes);
            var fee = new FixedFee(0, 0, p.Key.FeeKind!.Value, p.Key.FeeAmount!.Value, p.Key.FeePaysPreparation, p.Key.FeePaysTravel).For(time).Amount;
            return sum + Money.FromPence(checked(fee.Pence * p.Count));
        });
        return BudgetFigures.From(budget, byStatus.Select(s => (s.Status, Money.FromPence(s.Pence))), unclaimed);
    }
}

public sealed class BudgetForm
{
    public int Year { get; set; }

    /// <summary>In pounds, as typed.</summary>
    public string? Amount { get; set; }
}

public sealed class BudgetFormValidator : AbstractValidator<BudgetForm>
{
    public BudgetFormValidator()
    {
        RuleFor(f => f.Year).InclusiveBetween(2000, 2100).WithMessage("Choose a financial year from 2000 to 2100");
        RuleFor(f => f.Amount)
            .Must(a => Money.TryParse(a, out var amount) && !amount.IsNegative)
            .WithMessage("Enter the budget in pounds, £0 or more, like 25000");
    }
}

/// <summary>The budget page: a year's budget and the money against it.</summary>
public sealed record BudgetPage(int Year, string YearName, Money? Budget, Money Committed, Money Approved, Money Paid, Money? Remaining, bool IsOverspent,
    int? PreviousYear, int? NextYear, BudgetForm Form)
{
    public string? Amount => Form.Amount;
}
