using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;

namespace CoProduce.Web.Features.Reports;

/// <summary>
/// Reads the co-production reports for leads. Every figure is worked out by the database (counts and
/// sums grouped in SQL), and each page sends the same few commands however much data there is. Each
/// report is built once as tables; the page, its chart and its CSV all come from those tables.
/// </summary>
public sealed partial class ReportPages(CoProduceDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<ReportLink> All =
    [
        new("/reports/requirements", "Required co-production met on time",
            "For each tier and stage, how many required items were met before the project left the stage they were due by, and the exceptions with their reasons."),
        new("/reports/roster-reach", "Roster reach",
            "How many different people on the roster took part in the last 12 months, by lived experience, and whether involvement falls on a few people."),
        new("/reports/payments", "Payments by month",
            "Involvement payments approved and paid in each month of a financial year."),
        new("/reports/seven-keys", "The 7 Keys in feedback",
            "How much feedback and how many activities touch each of the 7 Keys to Citizenship, by question."),
        new("/reports/you-said-we-did", "Time to \"you said, we did\"",
            "How long people waited from an activity to the published answer to what they said."),
    ];

    /// <summary>Dates and figures as people in the UK write them.</summary>
    public static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private DateOnly Today => UkTime.Today(clock);

    /// <summary>A financial year from April to March: the one asked for, or the current one.</summary>
    private ReportYear YearOf(int? asked)
    {
        var start = asked is >= 2000 and <= 2100 ? asked.Value : CoProductionBudget.StartYearOf(Today);
        return new ReportYear(start, $"April {start} to March {start + 1}", start > 2000 ? start - 1 : null, start < 2100 ? start + 1 : null);
    }

    private static (DateOnly First, DateOnly Last) Dates(ReportYear year) => (new DateOnly(year.StartYear, 4, 1), new DateOnly(year.StartYear + 1, 3, 31));

    private static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count:N0} {many}";
}
