using System.Globalization;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// An involvement fee seen as earnings: how much, the date of the activity it pays for, and the
/// minutes of work it pays for. Only fees are earnings: receipted expenses are not income for
/// benefits, so they never come here.
/// </summary>
public sealed record EarnedFee
{
    public EarnedFee(Money amount, DateOnly activityDate, int workedMinutes)
    {
        if (amount.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A fee is £0 or more.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(workedMinutes);
        (Amount, ActivityDate, WorkedMinutes) = (amount, activityDate, workedMinutes);
    }

    public Money Amount { get; }
    public DateOnly ActivityDate { get; }
    public int WorkedMinutes { get; }

    /// <summary>
    /// A fee for time given at an activity. The activity and paid preparation are work; travel to
    /// it is not, as for any job.
    /// </summary>
    public static EarnedFee For(Money amount, DateOnly activityDate, TimeGiven time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new EarnedFee(amount, activityDate, time.ActivityMinutes + time.PreparationMinutes);
    }
}

/// <summary>Which limit a warning is about.</summary>
public enum EarningsLimit
{
    CarersAllowanceWeeklyEarnings = 1,
    EsaPermittedWorkHigherWeeklyLimit = 2,
    EsaPermittedWorkHours = 3,
    UniversalCreditWorkAllowance = 4,
    UniversalCreditNoWorkAllowance = 5,
    TradingAllowance = 6,
}

/// <summary>
/// One limit a fee would take a person past, in plain English with its figures, the period it is
/// measured over, and how much of the fee they could take and stay within this limit.
/// </summary>
public sealed record EarningsWarning(EarningsLimit Limit, DatePeriod Period, Money MostWithinThisLimit, string Message);

public enum FeeChoiceKind
{
    TakeIt = 1,
    TakeLess = 2,
    DeclineFeeKeepExpenses = 3,
}

/// <summary>Something the person can do with the fee; the amount is what they would take, if known.</summary>
public sealed record FeeChoice(FeeChoiceKind Kind, Money? Amount, string Description);

/// <summary>
/// What a person should know before taking a fee: the warnings (none is the usual case), what they
/// can do, and the most they could take while staying within every limit warned about.
/// </summary>
public sealed record EarningsCheck(
    Money Fee,
    IReadOnlyList<EarningsWarning> Warnings,
    IReadOnlyList<FeeChoice> Choices,
    Money? MostWithinLimits)
{
    public bool HasWarnings => Warnings.Count > 0;
}

/// <summary>
/// Works out the warnings a person sees before taking an involvement fee. It warns and never
/// decides: the person may take the fee, take less, or decline it and keep their expenses.
/// Benefit limits apply only to the benefits the person told us they get; the trading allowance
/// is tax, so it applies to everyone who is paid, whatever they said about benefits.
/// Earnings are counted by the date of the activity, as that is all that is known before
/// payment; Universal Credit counts them when they are paid, and the warning says so.
/// </summary>
public static class EarningsWarnings
{
    /// <param name="situation">Which benefits the person told us they get.</param>
    /// <param name="limits">The limits in force on the fee's activity date.</param>
    /// <param name="fee">The fee about to be taken.</param>
    /// <param name="otherFees">Their other involvement fees, taken or pending, not including this one.</param>
    public static EarningsCheck Check(BenefitsSituation situation, BenefitLimits limits, EarnedFee fee, IEnumerable<EarnedFee> otherFees)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(fee);
        ArgumentNullException.ThrowIfNull(otherFees);
        if (limits.EffectiveFrom > fee.ActivityDate)
        {
            throw new ArgumentException("Use the limits in force on the activity date: these start later.", nameof(limits));
        }

        var others = otherFees.ToList();
        var warnings = new List<EarningsWarning>();
        if (fee.Amount > Money.Zero)
        {
            var week = EarningsPeriods.Week(fee.ActivityDate);
            if (situation.CarersAllowance)
            {
                warnings.AddRange(CarersAllowance(limits, fee, new Totals(week, fee, others)));
            }
            if (situation.NewStyleEsa)
            {
                warnings.AddRange(NewStyleEsa(limits, fee, new Totals(week, fee, others)));
            }
            if (situation.UniversalCredit is { } universalCredit)
            {
                var period = EarningsPeriods.UniversalCreditAssessmentPeriod(fee.ActivityDate, universalCredit.AssessmentDay);
                warnings.AddRange(UniversalCredit(limits, universalCredit, fee, new Totals(period, fee, others)));
            }
            warnings.AddRange(TradingAllowance(limits, fee, new Totals(EarningsPeriods.TaxYear(fee.ActivityDate), fee, others)));
        }

        Money? mostWithinLimits = warnings.Count == 0 ? null : warnings.Min(w => w.MostWithinThisLimit);
        return new EarningsCheck(fee.Amount, warnings, Choices(fee.Amount, mostWithinLimits), mostWithinLimits);
    }

    private static IEnumerable<EarningsWarning> CarersAllowance(BenefitLimits limits, EarnedFee fee, Totals week)
    {
        var limit = limits.CarersAllowanceWeeklyEarningsLimit;
        if (week.With > limit)
        {
            yield return new EarningsWarning(
                EarningsLimit.CarersAllowanceWeeklyEarnings,
                week.Period,
                Headroom(limit, week.Before),
                $"{WouldMake(fee, week.With)} in {Text.Week(week.Period)}. Carer's Allowance stops for any week you earn over {Text.Pounds(limit)}.");
        }
    }

    private static IEnumerable<EarningsWarning> NewStyleEsa(BenefitLimits limits, EarnedFee fee, Totals week)
    {
        var higher = limits.EsaPermittedWorkHigherWeeklyLimit;
        var lower = limits.EsaPermittedWorkLowerWeeklyLimit;
        var hours = limits.EsaPermittedWorkWeeklyHours;
        if (week.With > higher)
        {
            yield return new EarningsWarning(
                EarningsLimit.EsaPermittedWorkHigherWeeklyLimit,
                week.Period,
                Headroom(higher, week.Before),
                $"{WouldMake(fee, week.With)} in {Text.Week(week.Period)}. New Style ESA permitted work allows earnings of up to {Text.Pounds(higher)} a week.");
        }
        // Work up to the lower limit is allowed whatever its hours; above it, permitted work must
        // be under the weekly hours. So only a week earning over the lower limit is warned about.
        if (week.MinutesWith >= hours * 60 && week.With > lower)
        {
            yield return new EarningsWarning(
                EarningsLimit.EsaPermittedWorkHours,
                week.Period,
                Headroom(lower, week.Before),
                $"This activity would make your paid time with us {Text.Duration(week.MinutesWith)} in {Text.Week(week.Period)}. New Style ESA permitted work must be under {hours} hours a week, unless you earn {Text.Pounds(lower)} or less that week.");
        }
    }

    private static IEnumerable<EarningsWarning> UniversalCredit(BenefitLimits limits, UniversalCreditDetails details, EarnedFee fee, Totals period)
    {
        var taper = limits.UniversalCreditTaperBasisPoints;
        var paidWhen = "Universal Credit counts earnings in the assessment period you are paid in, which may be after the activity.";
        if (!details.HasWorkAllowance)
        {
            yield return new EarningsWarning(
                EarningsLimit.UniversalCreditNoWorkAllowance,
                period.Period,
                Money.Zero,
                $"{WouldMake(fee, period.With)} in {Text.AssessmentPeriod(period.Period)}. You told us you do not have a work allowance, so Universal Credit goes down by {Text.Taper(taper)} for each £1 you earn: this payment could lower it by about {Text.Pounds(Tapered(fee.Amount, taper))}. {paidWhen}");
            yield break;
        }

        var allowance = limits.UniversalCreditWorkAllowance(details.HasHousingCosts);
        if (period.With > allowance)
        {
            var overBecauseOfThisFee = period.With - (period.Before > allowance ? period.Before : allowance);
            yield return new EarningsWarning(
                EarningsLimit.UniversalCreditWorkAllowance,
                period.Period,
                Headroom(allowance, period.Before),
                $"{WouldMake(fee, period.With)} in {Text.AssessmentPeriod(period.Period)}. Your work allowance is {Text.Pounds(allowance)} a month. For each £1 over it, Universal Credit goes down by {Text.Taper(taper)}: this payment could lower it by about {Text.Pounds(Tapered(overBecauseOfThisFee, taper))}. {paidWhen}");
        }
    }

    private static IEnumerable<EarningsWarning> TradingAllowance(BenefitLimits limits, EarnedFee fee, Totals taxYear)
    {
        var allowance = limits.TradingAllowancePerTaxYear;
        if (taxYear.With > allowance)
        {
            yield return new EarningsWarning(
                EarningsLimit.TradingAllowance,
                taxYear.Period,
                Headroom(allowance, taxYear.Before),
                $"This {Text.Pounds(fee.Amount)} would make your payments from us {Text.Pounds(taxYear.With)} in {Text.TaxYear(taxYear.Period)}. This is over the {Text.Pounds(allowance)} trading allowance, so you may need to tell HMRC about this income.");
        }
    }

    /// <summary>Nothing to choose when there is no fee (an unpaid activity, or one already declined).</summary>
    private static List<FeeChoice> Choices(Money fee, Money? mostWithinLimits)
    {
        if (fee == Money.Zero)
        {
            return [];
        }
        var takeLess = mostWithinLimits is { } most && most > Money.Zero
            ? $"Take less than {Text.Pounds(fee)}. Taking {Text.Pounds(most)} or less would keep you within the limits above."
            : $"Take less than {Text.Pounds(fee)}. You choose how much.";
        return
        [
            new(FeeChoiceKind.TakeIt, fee, $"Take the {Text.Pounds(fee)} fee."),
            new(FeeChoiceKind.TakeLess, mostWithinLimits, takeLess),
            new(FeeChoiceKind.DeclineFeeKeepExpenses, Money.Zero, "Do not take the fee. You can still claim your expenses: they do not count as earnings."),
        ];
    }

    private static string WouldMake(EarnedFee fee, Money total) =>
        $"This {Text.Pounds(fee.Amount)} would make your earnings from us {Text.Pounds(total)}";

    private static Money Headroom(Money limit, Money before) => before >= limit ? Money.Zero : limit - before;

    /// <summary>The reduction for an amount at the taper rate, to the nearest penny.</summary>
    private static Money Tapered(Money amount, int taperBasisPoints) =>
        Money.FromPence((long)Math.Round(amount.Pence * (decimal)taperBasisPoints / BenefitLimits.FullTaperBasisPoints, MidpointRounding.AwayFromZero));

    /// <summary>A person's earnings from us in one period, before and with this fee, and the paid minutes with it.</summary>
    private sealed class Totals
    {
        public Totals(DatePeriod period, EarnedFee fee, IReadOnlyList<EarnedFee> others)
        {
            var inPeriod = others.Where(o => period.Contains(o.ActivityDate)).ToList();
            Period = period;
            Before = inPeriod.Aggregate(Money.Zero, (sum, o) => sum + o.Amount);
            With = Before + fee.Amount;
            // Unpaid time is voluntary work: only paid time counts towards the hours rule.
            MinutesWith = inPeriod.Where(o => o.Amount > Money.Zero).Sum(o => o.WorkedMinutes) + (fee.Amount > Money.Zero ? fee.WorkedMinutes : 0);
        }

        public DatePeriod Period { get; }
        public Money Before { get; }
        public Money With { get; }
        public int MinutesWith { get; }
    }

    /// <summary>Figures as people read them in a warning: always pounds and pence, dates in full.</summary>
    private static class Text
    {
        private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

        public static string Pounds(Money amount) => amount.Pounds.ToString("C2", UkCulture);

        public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", UkCulture);

        public static string Week(DatePeriod week) => $"the week starting Monday {Date(week.First)}";

        public static string AssessmentPeriod(DatePeriod period) =>
            $"your Universal Credit assessment period from {Date(period.First)} to {Date(period.Last)}";

        public static string TaxYear(DatePeriod year) =>
            $"the {year.First.Year} to {year.Last.Year} tax year (6 April {year.First.Year} to 5 April {year.Last.Year})";

        /// <summary>5500 basis points is "55p" (for each £1).</summary>
        public static string Taper(int basisPoints) => $"{(basisPoints / 100m).ToString("0.##", UkCulture)}p";

        public static string Duration(int minutes)
        {
            var (hours, rest) = (minutes / 60, minutes % 60);
            var hoursText = hours == 1 ? "1 hour" : $"{hours} hours";
            var minutesText = rest == 1 ? "1 minute" : $"{rest} minutes";
            return (hours, rest) switch
            {
                (_, 0) => hoursText,
                (0, _) => minutesText,
                _ => $"{hoursText} {minutesText}",
            };
        }
    }
}
