using System.Globalization;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// The warnings before a fee is taken: each limit at, a penny under and a penny over; the periods
/// they are measured over; and only the limits that apply to the person.
/// </summary>
public sealed class EarningsWarningsTests
{
    private static readonly BenefitLimits Limits2026 = BenefitLimitsSeed.From6April2026();

    private static readonly BenefitsSituation Carer = BenefitsSituation.Gets(carersAllowance: true);
    private static readonly BenefitsSituation OnEsa = BenefitsSituation.Gets(newStyleEsa: true);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static EarnedFee Fee(decimal pounds, string date, int minutes = 120) => new(Pounds(pounds), D(date), minutes);

    private static BenefitsSituation OnUniversalCredit(int assessmentDay = 15, bool housingCosts = false, bool workAllowance = true) =>
        BenefitsSituation.Gets(new UniversalCreditDetails(assessmentDay, housingCosts, workAllowance));

    private static EarningsCheck Check(BenefitsSituation situation, EarnedFee fee, params EarnedFee[] others) =>
        EarningsWarnings.Check(situation, Limits2026, fee, others);

    private static EarningsLimit[] Limits(EarningsCheck check) => [.. check.Warnings.Select(w => w.Limit)];

    [Theory]
    // this fee, Carer's Allowance warning? (£150 already that week; the limit is £204)
    [InlineData(53.99, false)]
    [InlineData(54.00, false)]
    [InlineData(54.01, true)]
    public void CarersAllowance_WarnsOnlyOverTheWeeklyLimit(decimal fee, bool warned)
    {
        var check = Check(Carer, Fee(fee, "2026-04-17"), Fee(150m, "2026-04-13"));

        Assert.Equal(warned ? [EarningsLimit.CarersAllowanceWeeklyEarnings] : [], Limits(check));
    }

    [Fact]
    public void CarersAllowance_SaysTheFiguresInPlainEnglish()
    {
        var check = Check(Carer, Fee(60m, "2026-04-17"), Fee(150m, "2026-04-13"));

        var warning = Assert.Single(check.Warnings);
        Assert.Equal(
            "This £60.00 would make your earnings from us £210.00 in the week starting Monday 13 April 2026. Carer's Allowance stops for any week you earn over £204.00.",
            warning.Message);
        Assert.Equal(new DatePeriod(D("2026-04-13"), D("2026-04-19")), warning.Period);
        Assert.Equal(Pounds(54m), warning.MostWithinThisLimit);
    }

    [Theory]
    // other fee's date, counted in the week of Friday 17 April 2026?
    [InlineData("2026-04-12", false)] // the Sunday before
    [InlineData("2026-04-13", true)] // Monday
    [InlineData("2026-04-19", true)] // Sunday
    [InlineData("2026-04-20", false)] // the next Monday
    public void CarersAllowance_CountsOnlyFeesInTheSameMondayToSundayWeek(string otherDate, bool counted)
    {
        var check = Check(Carer, Fee(100m, "2026-04-17"), Fee(150m, otherDate));

        Assert.Equal(counted, check.HasWarnings);
    }

    [Theory]
    // fee date, warned? £200 in a week: over the £196 limit until Sunday 5 April 2026, under the £204 one from Monday 6 April
    [InlineData("2026-04-05", true)]
    [InlineData("2026-04-06", false)]
    public void CarersAllowance_UsesTheLimitsInForceOnTheActivityDate(string date, bool warned)
    {
        var fee = Fee(200m, date);
        var limits = BenefitLimits.InForceOn(BenefitLimitsSeed.History(), fee.ActivityDate)!;

        var check = EarningsWarnings.Check(Carer, limits, fee, []);

        Assert.Equal(warned, check.HasWarnings);
        if (warned)
        {
            Assert.EndsWith("Carer's Allowance stops for any week you earn over £196.00.", check.Warnings[0].Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    // this fee, ESA warning? (£100 already that week; the higher limit is £195.50; 4 hours in all)
    [InlineData(95.49, false)]
    [InlineData(95.50, false)]
    [InlineData(95.51, true)]
    public void NewStyleEsa_WarnsOnlyOverTheHigherWeeklyLimit(decimal fee, bool warned)
    {
        var check = Check(OnEsa, Fee(fee, "2026-04-15"), Fee(100m, "2026-04-13"));

        Assert.Equal(warned ? [EarningsLimit.EsaPermittedWorkHigherWeeklyLimit] : [], Limits(check));
        if (warned)
        {
            Assert.Equal(
                "This £95.51 would make your earnings from us £195.51 in the week starting Monday 13 April 2026. New Style ESA permitted work allows earnings of up to £195.50 a week.",
                check.Warnings[0].Message);
        }
    }

    [Theory]
    // minutes of this activity (6 paid hours already that week), week's earnings £100: warned?
    [InlineData(599, false)] // 15 hours 59 minutes in all
    [InlineData(600, true)] // 16 hours
    public void NewStyleEsa_WarnsAt16HoursInAWeek(int minutes, bool warned)
    {
        var check = Check(OnEsa, Fee(50m, "2026-04-15", minutes), Fee(50m, "2026-04-13", 360));

        Assert.Equal(warned ? [EarningsLimit.EsaPermittedWorkHours] : [], Limits(check));
        if (warned)
        {
            Assert.Equal(
                "This activity would make your paid time with us 16 hours in the week starting Monday 13 April 2026. New Style ESA permitted work must be under 16 hours a week, unless you earn £20.00 or less that week.",
                check.Warnings[0].Message);
        }
    }

    [Theory]
    // this fee (£10 already that week, 16 hours in all), warned? The lower limit, £20, has no hours rule.
    [InlineData(9.99, false)]
    [InlineData(10.00, false)]
    [InlineData(10.01, true)]
    public void NewStyleEsa_Over16HoursIsFineUpToTheLowerLimit(decimal fee, bool warned)
    {
        var check = Check(OnEsa, Fee(fee, "2026-04-15", 600), Fee(10m, "2026-04-13", 360));

        Assert.Equal(warned ? [EarningsLimit.EsaPermittedWorkHours] : [], Limits(check));
        if (warned)
        {
            Assert.Equal(Pounds(10m), check.Warnings[0].MostWithinThisLimit);
        }
    }

    [Fact]
    public void NewStyleEsa_UnpaidTimeIsNotWorkForTheHoursRule()
    {
        // 10 unpaid hours (the fee was declined) and 6 paid ones: 6 hours of work.
        Assert.False(Check(OnEsa, Fee(50m, "2026-04-15", 360), Fee(0m, "2026-04-13", 600)).HasWarnings);
        // And a declined fee is never warned about, whatever the hours.
        Assert.False(Check(OnEsa, Fee(0m, "2026-04-15", 1200), Fee(50m, "2026-04-13", 600)).HasWarnings);
    }

    [Theory]
    // housing costs, fee, warned? (£400 already in the period; with housing costs the allowance is £411, without £684)
    [InlineData(true, 10.99, false)]
    [InlineData(true, 11.00, false)]
    [InlineData(true, 11.01, true)]
    [InlineData(false, 283.99, false)]
    [InlineData(false, 284.00, false)]
    [InlineData(false, 284.01, true)]
    public void UniversalCredit_WarnsOnlyOverTheWorkAllowance(bool housingCosts, decimal fee, bool warned)
    {
        var check = Check(OnUniversalCredit(housingCosts: housingCosts), Fee(fee, "2026-04-10"), Fee(400m, "2026-03-20"));

        Assert.Equal(warned ? [EarningsLimit.UniversalCreditWorkAllowance] : [], Limits(check));
        if (warned)
        {
            // A penny over at 55p per £1 is about a penny less.
            Assert.Contains("this payment could lower it by about £0.01.", check.Warnings[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UniversalCredit_SaysTheFiguresAndWhenEarningsCount()
    {
        var check = Check(OnUniversalCredit(assessmentDay: 15), Fee(60m, "2026-04-10"), Fee(650m, "2026-03-20"));

        var warning = Assert.Single(check.Warnings);
        Assert.Equal(
            "This £60.00 would make your earnings from us £710.00 in your Universal Credit assessment period from 15 March 2026 to 14 April 2026. "
            + "Your work allowance is £684.00 a month. For each £1 over it, Universal Credit goes down by 55p: this payment could lower it by about £14.30. "
            + "Universal Credit counts earnings in the assessment period you are paid in, which may be after the activity.",
            warning.Message);
        Assert.Equal(Pounds(34m), warning.MostWithinThisLimit);
    }

    [Fact]
    public void UniversalCredit_AlreadyOverTheAllowance_TheWholeFeeIsTapered()
    {
        var warning = Assert.Single(Check(OnUniversalCredit(), Fee(60m, "2026-04-10"), Fee(700m, "2026-03-20")).Warnings);

        Assert.Contains("could lower it by about £33.00.", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Pounds(0m), warning.MostWithinThisLimit);
    }

    [Theory]
    // assessment day, fee date, other fee's date, counted in the same assessment period?
    [InlineData(15, "2026-04-10", "2026-03-14", false)] // the period before
    [InlineData(15, "2026-04-10", "2026-03-15", true)] // first day of the period, in the month before
    [InlineData(15, "2026-04-10", "2026-04-14", true)] // last day of the period
    [InlineData(15, "2026-04-10", "2026-04-15", false)] // the next period
    [InlineData(28, "2027-02-10", "2027-01-28", true)]
    [InlineData(28, "2027-02-28", "2027-02-27", false)]
    [InlineData(31, "2027-02-27", "2027-01-31", true)] // the period from 31 January ends on 27 February
    [InlineData(31, "2027-02-28", "2027-01-31", false)] // and the next starts on the last day of February
    [InlineData(31, "2028-02-29", "2028-03-30", true)] // leap year: 29 February to 30 March
    [InlineData(31, "2028-02-28", "2028-01-31", true)]
    [InlineData(29, "2028-02-28", "2028-02-27", false)] // day 29 starts on 28 February in a leap year
    public void UniversalCredit_CountsFeesInTheSameAssessmentPeriod(int assessmentDay, string feeDate, string otherDate, bool counted)
    {
        // £684 allowance: £600 + £100 is over it only when both are in one period.
        var check = EarningsWarnings.Check(OnUniversalCredit(assessmentDay), BenefitLimitsSeed.From7April2025(), Fee(100m, feeDate), [Fee(600m, otherDate)]);

        Assert.Equal(counted, check.HasWarnings);
    }

    [Theory]
    // fee, reduction (55p per £1 of it)
    [InlineData(0.01, "£0.01")]
    [InlineData(60.00, "£33.00")]
    [InlineData(0.10, "£0.06")] // 5.5p, to the nearest penny
    public void UniversalCredit_WithoutAWorkAllowance_EveryPoundIsTapered(decimal fee, string reduction)
    {
        var warning = Assert.Single(Check(OnUniversalCredit(workAllowance: false), Fee(fee, "2026-04-10")).Warnings);

        Assert.Equal(EarningsLimit.UniversalCreditNoWorkAllowance, warning.Limit);
        Assert.Contains($"You told us you do not have a work allowance, so Universal Credit goes down by 55p for each £1 you earn: this payment could lower it by about {reduction}.", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Pounds(0m), warning.MostWithinThisLimit);
    }

    [Theory]
    // this fee, trading allowance note? (£940 already in the tax year; the allowance is £1,000)
    [InlineData(59.99, false)]
    [InlineData(60.00, false)]
    [InlineData(60.01, true)]
    public void TradingAllowance_WarnsOnlyOverItInATaxYear(decimal fee, bool warned)
    {
        var check = Check(BenefitsSituation.NoBenefits(), Fee(fee, "2027-04-05"), Fee(470m, "2026-04-06"), Fee(470m, "2026-10-01"));

        Assert.Equal(warned ? [EarningsLimit.TradingAllowance] : [], Limits(check));
        if (warned)
        {
            Assert.Equal(
                "This £60.01 would make your payments from us £1,000.01 in the 2026 to 2027 tax year (6 April 2026 to 5 April 2027). This is over the £1,000.00 trading allowance, so you may need to tell HMRC about this income.",
                check.Warnings[0].Message);
        }
    }

    [Theory]
    // fee date, warned? (£990 was earned on Sunday 5 April 2026, the last day of a tax year)
    [InlineData("2026-04-05", true)]
    [InlineData("2026-04-06", false)]
    public void TradingAllowance_StartsAgainOn6April(string date, bool warned)
    {
        var fee = Fee(20m, date);
        var limits = BenefitLimits.InForceOn(BenefitLimitsSeed.History(), fee.ActivityDate)!;

        var check = EarningsWarnings.Check(BenefitsSituation.PreferNotToSay(), limits, fee, [Fee(990m, "2026-04-05")]);

        Assert.Equal(warned, check.HasWarnings);
    }

    [Fact]
    public void Check_RefusesLimitsThatStartAfterTheActivity() =>
        Assert.Throws<ArgumentException>(() => Check(Carer, Fee(60m, "2026-04-05")));

    public static TheoryData<BenefitsSituation> NoBenefitLimits => [BenefitsSituation.NoBenefits(), BenefitsSituation.PreferNotToSay()];

    [Theory]
    [MemberData(nameof(NoBenefitLimits))]
    public void NoneOrPreferNotToSay_GetNoBenefitWarningsButTheTaxNote(BenefitsSituation situation)
    {
        // A big week and a big month: no benefit warning for someone who told us of no benefits.
        Assert.False(Check(situation, Fee(300m, "2026-04-15", 1200), Fee(500m, "2026-04-13", 600)).HasWarnings);

        // Tax is for everyone.
        Assert.Equal([EarningsLimit.TradingAllowance], Limits(Check(situation, Fee(300m, "2026-04-15"), Fee(800m, "2026-04-13"))));
    }

    [Fact]
    public void OnlyTheLimitsOfTheBenefitsTheyGetApply()
    {
        // £250 in a week and 16 hours, in a period with no work allowance: each benefit sees its own.
        var fee = Fee(250m, "2026-04-15", 960);

        Assert.Equal([EarningsLimit.CarersAllowanceWeeklyEarnings], Limits(Check(Carer, fee)));
        Assert.Equal([EarningsLimit.EsaPermittedWorkHigherWeeklyLimit, EarningsLimit.EsaPermittedWorkHours], Limits(Check(OnEsa, fee)));
        Assert.Equal([EarningsLimit.UniversalCreditNoWorkAllowance], Limits(Check(OnUniversalCredit(workAllowance: false), fee)));
        Assert.Equal(
            [EarningsLimit.CarersAllowanceWeeklyEarnings, EarningsLimit.UniversalCreditNoWorkAllowance],
            Limits(Check(BenefitsSituation.Gets(new UniversalCreditDetails(15, false, false), carersAllowance: true), fee)));
    }

    [Fact]
    public void Choices_TakeItTakeLessOrDeclineAndKeepTheExpenses()
    {
        var check = Check(Carer, Fee(60m, "2026-04-17"), Fee(150m, "2026-04-13"));

        Assert.Equal(Pounds(54m), check.MostWithinLimits);
        Assert.Equal(
            [
                new FeeChoice(FeeChoiceKind.TakeIt, Pounds(60m), "Take the £60.00 fee."),
                new FeeChoice(FeeChoiceKind.TakeLess, Pounds(54m), "Take less than £60.00. Taking £54.00 or less would keep you within the limits above."),
                new FeeChoice(FeeChoiceKind.DeclineFeeKeepExpenses, Pounds(0m), "Do not take the fee. You can still claim your expenses: they do not count as earnings."),
            ],
            check.Choices);
    }

    [Fact]
    public void Choices_TheMostWithinLimitsIsTheLeastOfEachLimitsRoom()
    {
        // Carer's Allowance leaves £54 of room, the trading allowance £10.
        var check = Check(Carer, Fee(60m, "2026-04-17"), Fee(150m, "2026-04-13"), Fee(840m, "2026-05-01"));

        Assert.Equal([EarningsLimit.CarersAllowanceWeeklyEarnings, EarningsLimit.TradingAllowance], Limits(check));
        Assert.Equal(Pounds(10m), check.MostWithinLimits);
    }

    [Fact]
    public void Choices_WhenNoAmountStaysWithinALimit_TheyStillChooseHowMuch()
    {
        var check = Check(OnUniversalCredit(workAllowance: false), Fee(60m, "2026-04-10"));

        Assert.Equal(Pounds(0m), check.MostWithinLimits);
        var takeLess = Assert.Single(check.Choices, c => c.Kind == FeeChoiceKind.TakeLess);
        Assert.Equal("Take less than £60.00. You choose how much.", takeLess.Description);
    }

    [Fact]
    public void NoWarnings_TheChoicesAreStillThere()
    {
        var check = Check(Carer, Fee(60m, "2026-04-17"));

        Assert.False(check.HasWarnings);
        Assert.Null(check.MostWithinLimits);
        Assert.Equal([FeeChoiceKind.TakeIt, FeeChoiceKind.TakeLess, FeeChoiceKind.DeclineFeeKeepExpenses], check.Choices.Select(c => c.Kind));
    }

    [Fact]
    public void NoFee_NoWarnings_AndExpensesAreNotEarnings()
    {
        // A declined fee or an unpaid activity: the claim may carry expenses, but they never come here.
        var check = Check(OnUniversalCredit(workAllowance: false), Fee(0m, "2026-04-10"), Fee(5_000m, "2026-04-01"));

        Assert.False(check.HasWarnings);
        Assert.Empty(check.Choices); // nothing to take, so nothing to choose
    }

    [Fact]
    public void EarnedFee_CountsTheActivityAndPreparationAsWorkButNotTravel()
    {
        var fee = EarnedFee.For(Pounds(60m), D("2026-04-10"), new TimeGiven(activityMinutes: 90, preparationMinutes: 30, travelMinutes: 45));

        Assert.Equal(120, fee.WorkedMinutes);
    }

    [Fact]
    public void EarnedFee_IsNeverNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarnedFee(Pounds(-0.01m), D("2026-04-10"), 60));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarnedFee(Pounds(1m), D("2026-04-10"), -1));
    }
}
