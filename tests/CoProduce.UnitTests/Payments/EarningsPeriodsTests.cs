using System.Globalization;
using CoProduce.Web.Domain.Payments;

namespace CoProduce.UnitTests.Payments;

/// <summary>The periods limits are measured over: Monday-to-Sunday weeks, Universal Credit assessment periods, tax years.</summary>
public sealed class EarningsPeriodsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    // date, first day (Monday), last day (Sunday)
    [InlineData("2026-04-13", "2026-04-13", "2026-04-19")] // a Monday starts its own week
    [InlineData("2026-04-19", "2026-04-13", "2026-04-19")] // a Sunday ends it
    [InlineData("2026-04-20", "2026-04-20", "2026-04-26")]
    [InlineData("2026-04-05", "2026-03-30", "2026-04-05")] // across two months
    [InlineData("2027-01-01", "2026-12-28", "2027-01-03")] // across two years
    [InlineData("2028-02-29", "2028-02-28", "2028-03-05")]
    public void Week_RunsFromMondayToSunday(string date, string first, string last)
    {
        var week = EarningsPeriods.Week(D(date));

        Assert.Equal(new DatePeriod(D(first), D(last)), week);
        Assert.Equal(DayOfWeek.Monday, week.First.DayOfWeek);
    }

    [Theory]
    // date, assessment day, first day, last day
    [InlineData("2026-03-15", 1, "2026-03-01", "2026-03-31")] // day 1: calendar months
    [InlineData("2026-02-10", 1, "2026-02-01", "2026-02-28")]
    [InlineData("2026-03-15", 15, "2026-03-15", "2026-04-14")] // across two months
    [InlineData("2026-03-14", 15, "2026-02-15", "2026-03-14")]
    [InlineData("2026-04-14", 15, "2026-03-15", "2026-04-14")]
    [InlineData("2025-12-31", 15, "2025-12-15", "2026-01-14")] // across two years
    [InlineData("2026-02-20", 15, "2026-02-15", "2026-03-14")] // through February
    [InlineData("2027-02-27", 28, "2027-01-28", "2027-02-27")]
    [InlineData("2027-02-28", 28, "2027-02-28", "2027-03-27")]
    [InlineData("2028-02-29", 28, "2028-02-28", "2028-03-27")] // leap day inside a period
    [InlineData("2028-02-27", 28, "2028-01-28", "2028-02-27")]
    // Days 29 and 30 start on the 27th of February, or the 28th in a leap year (regulation 21(2)(b)).
    [InlineData("2027-02-26", 29, "2027-01-29", "2027-02-26")]
    [InlineData("2027-02-27", 29, "2027-02-27", "2027-03-28")]
    [InlineData("2028-02-27", 29, "2028-01-29", "2028-02-27")]
    [InlineData("2028-02-29", 29, "2028-02-28", "2028-03-28")]
    [InlineData("2027-01-30", 30, "2027-01-30", "2027-02-26")]
    [InlineData("2027-02-27", 30, "2027-02-27", "2027-03-29")]
    [InlineData("2028-02-28", 30, "2028-02-28", "2028-03-29")]
    [InlineData("2026-04-30", 30, "2026-04-30", "2026-05-29")]
    // Day 31 starts on the last day of each month (regulation 21(2)(a)).
    [InlineData("2027-01-31", 31, "2027-01-31", "2027-02-27")]
    [InlineData("2027-02-27", 31, "2027-01-31", "2027-02-27")]
    [InlineData("2027-02-28", 31, "2027-02-28", "2027-03-30")]
    [InlineData("2028-01-31", 31, "2028-01-31", "2028-02-28")]
    [InlineData("2028-02-29", 31, "2028-02-29", "2028-03-30")]
    [InlineData("2026-04-29", 31, "2026-03-31", "2026-04-29")]
    [InlineData("2026-04-30", 31, "2026-04-30", "2026-05-30")]
    [InlineData("2026-12-31", 31, "2026-12-31", "2027-01-30")]
    public void UniversalCreditAssessmentPeriod_IsAMonthFromTheAssessmentDay(string date, int assessmentDay, string first, string last)
    {
        Assert.Equal(new DatePeriod(D(first), D(last)), EarningsPeriods.UniversalCreditAssessmentPeriod(D(date), assessmentDay));
    }

    public static TheoryData<int> EveryAssessmentDay => [.. Enumerable.Range(1, 31)];

    [Theory]
    [MemberData(nameof(EveryAssessmentDay))]
    public void UniversalCreditAssessmentPeriods_FollowOneAnotherWithNoGapOrOverlap(int assessmentDay)
    {
        // Every day from 2025 to 2029, leap year 2028 included, is in exactly one period.
        var day = new DateOnly(2025, 1, 1);
        var period = EarningsPeriods.UniversalCreditAssessmentPeriod(day, assessmentDay);
        while (day < new DateOnly(2030, 1, 1))
        {
            Assert.True(period.Contains(day));
            var next = EarningsPeriods.UniversalCreditAssessmentPeriod(period.Last.AddDays(1), assessmentDay);
            Assert.Equal(period.Last.AddDays(1), next.First);
            Assert.InRange(period.Last.DayNumber - period.First.DayNumber + 1, 27, 31);
            day = period.Last.AddDays(1);
            period = next;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void UniversalCreditAssessmentPeriod_RefusesADayThatIsNotInAMonth(int assessmentDay) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EarningsPeriods.UniversalCreditAssessmentPeriod(D("2026-04-01"), assessmentDay));

    [Theory]
    // date, first day, last day
    [InlineData("2026-04-05", "2025-04-06", "2026-04-05")]
    [InlineData("2026-04-06", "2026-04-06", "2027-04-05")]
    [InlineData("2026-01-01", "2025-04-06", "2026-04-05")]
    [InlineData("2026-12-31", "2026-04-06", "2027-04-05")]
    [InlineData("2028-02-29", "2027-04-06", "2028-04-05")]
    public void TaxYear_Runs6AprilTo5April(string date, string first, string last)
    {
        Assert.Equal(new DatePeriod(D(first), D(last)), EarningsPeriods.TaxYear(D(date)));
    }
}
