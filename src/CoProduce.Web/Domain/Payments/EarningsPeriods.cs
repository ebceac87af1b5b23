namespace CoProduce.Web.Domain.Payments;

/// <summary>A run of whole days, first and last included.</summary>
public sealed record DatePeriod(DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly date) => date >= First && date <= Last;
}

/// <summary>
/// The periods that benefit and tax limits are measured over: a week for Carer's Allowance and
/// New Style ESA, a Universal Credit assessment period, and a tax year.
/// </summary>
public static class EarningsPeriods
{
    /// <summary>
    /// The week from Monday to Sunday that holds <paramref name="date"/>. The DWP's own benefit
    /// week for a person may start on another day (it can depend on their National Insurance
    /// number), which we cannot know, so the portal uses the calendar week a UK diary shows.
    /// </summary>
    public static DatePeriod Week(DateOnly date)
    {
        var daysSinceMonday = ((int)date.DayOfWeek + 6) % 7;
        var monday = date.AddDays(-daysSinceMonday);
        return new DatePeriod(monday, monday.AddDays(6));
    }

    /// <summary>
    /// The Universal Credit assessment period that holds <paramref name="date"/>, for periods
    /// that start on <paramref name="assessmentDay"/> of each month (1 to 31): a month long, so
    /// usually across two calendar months.
    /// </summary>
    public static DatePeriod UniversalCreditAssessmentPeriod(DateOnly date, int assessmentDay)
    {
        CheckAssessmentDay(assessmentDay);
        var startThisMonth = AssessmentPeriodStart(date.Year, date.Month, assessmentDay);
        var start = date >= startThisMonth ? startThisMonth : AssessmentPeriodStart(date.AddMonths(-1).Year, date.AddMonths(-1).Month, assessmentDay);
        var nextMonth = start.AddMonths(1);
        var nextStart = AssessmentPeriodStart(nextMonth.Year, nextMonth.Month, assessmentDay);
        return new DatePeriod(start, nextStart.AddDays(-1));
    }

    /// <summary>The UK tax year, 6 April to 5 April, that holds <paramref name="date"/>.</summary>
    public static DatePeriod TaxYear(DateOnly date)
    {
        var startYear = date >= new DateOnly(date.Year, 4, 6) ? date.Year : date.Year - 1;
        return new DatePeriod(new DateOnly(startYear, 4, 6), new DateOnly(startYear + 1, 4, 5));
    }

    /// <summary>
    /// The day an assessment period starts in a month, as the Universal Credit Regulations 2013
    /// (regulation 21) set it: the same day each month, except that day 31 means the last day of
    /// each month, and days 29 and 30 mean the 27th of February (the 28th in a leap year).
    /// </summary>
    public static DateOnly AssessmentPeriodStart(int year, int month, int assessmentDay)
    {
        CheckAssessmentDay(assessmentDay);
        var daysInMonth = DateTime.DaysInMonth(year, month);
        var day = assessmentDay switch
        {
            31 => daysInMonth,
            29 or 30 when month == 2 => DateTime.IsLeapYear(year) ? 28 : 27,
            _ => assessmentDay,
        };
        return new DateOnly(year, month, day);
    }

    private static void CheckAssessmentDay(int assessmentDay)
    {
        if (assessmentDay is < 1 or > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(assessmentDay), assessmentDay, "An assessment day is from 1 to 31.");
        }
    }
}
