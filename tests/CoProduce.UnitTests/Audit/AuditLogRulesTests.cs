using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Features.Audit;
using CoProduce.Web.Infrastructure.GovUk;

namespace CoProduce.UnitTests.Audit;

/// <summary>The audit log's date periods (UK days, both ends included), its plain words and its links.</summary>
public sealed class AuditLogRulesTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    public static TheoryData<string?, string?, string, bool> PeriodCases => new()
    {
        // from, to, moment (UTC), inside?
        { null, null, "2026-01-01T00:00", true },
        { "2026-03-01", null, "2026-02-28T23:59", false },
        { "2026-03-01", null, "2026-03-01T00:00", true }, // winter: a UK day starts at midnight UTC
        { null, "2026-03-01", "2026-03-01T23:59", true }, // the "to" day is included, to its last minute
        { null, "2026-03-01", "2026-03-02T00:00", false },
        { "2026-07-01", "2026-07-01", "2026-06-30T23:00", true }, // summer: 1 July starts at 23:00 UTC on 30 June
        { "2026-07-01", "2026-07-01", "2026-06-30T22:59", false },
        { "2026-07-01", "2026-07-01", "2026-07-01T22:59", true },
        { "2026-07-01", "2026-07-01", "2026-07-01T23:00", false },
        { "2026-03-29", "2026-03-29", "2026-03-29T00:30", true }, // the day the clocks go forward
        { "2026-03-29", "2026-03-29", "2026-03-29T22:59", true },
        { "2026-03-29", "2026-03-29", "2026-03-29T23:00", false },
        { "2026-10-25", "2026-10-25", "2026-10-24T23:00", true }, // the day the clocks go back: 25 hours long
        { "2026-10-25", "2026-10-25", "2026-10-25T23:59", true },
        { "2026-10-25", "2026-10-25", "2026-10-26T00:00", false },
        { "1900-01-01", "9999-12-31", "2026-01-01T00:00", true }, // the widest dates anyone can type
        { "9999-12-31", "9999-12-31", "2026-01-01T00:00", false },
    };

    [Theory]
    [MemberData(nameof(PeriodCases))]
    public void Period_HoldsWholeUkDays(string? from, string? to, string at, bool inside)
    {
        var period = new AuditPeriod(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(inside, period.Contains(DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)));
    }

    public static TheoryData<string?, string?, bool> ProblemCases => new()
    {
        { null, null, false },
        { "2026-03-01", null, false },
        { null, "2026-03-01", false },
        { "2026-03-01", "2026-03-01", false }, // one day
        { "2026-03-01", "2026-03-02", false },
        { "2026-03-02", "2026-03-01", true },
        { "2027-01-01", "2026-12-31", true },
    };

    [Theory]
    [MemberData(nameof(ProblemCases))]
    public void Period_ToBeforeFrom_IsAProblem(string? from, string? to, bool problem)
    {
        var period = new AuditPeriod(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(problem, period.Problem is not null);
    }

    [Theory]
    [InlineData("StageMoved", "Stage moved")]
    [InlineData("ProjectCreated", "Project created")]
    [InlineData("AuditLogExported", "Audit log exported")]
    [InlineData("A", "A")]
    [InlineData("", "")]
    public void Actions_ReadInPlainWords(string action, string words) => Assert.Equal(words, AuditText.Plain(action));

    [Fact]
    public void EveryActionTheCodeRecords_IsOneToChooseFrom() =>
        Assert.Contains(AuditActions.AuditLogExported, AuditText.Actions);

    public static TheoryData<AuditSubjectType, string, int?, bool, string?> LinkCases => new()
    {
        { AuditSubjectType.Project, "12", 12, false, "/projects/12" },
        { AuditSubjectType.Activity, "4", 2, false, "/manage/activities/4" },
        { AuditSubjectType.Exception, "3", 1, false, "/exceptions/3" },
        { AuditSubjectType.RuleSet, "2", null, false, "/rules" },
        { AuditSubjectType.StaffAccount, "a b/c", null, false, "/admin/staff/a%20b%2Fc/roles" },
        { AuditSubjectType.Claim, "5", 1, false, null }, // a finance page: not for a lead who is not a finance officer
        { AuditSubjectType.Claim, "5", 1, true, "/finance/claims/5" },
        { AuditSubjectType.PaymentBatch, "1", null, false, null },
        { AuditSubjectType.PaymentBatch, "1", null, true, "/finance/batches/1" },
        { AuditSubjectType.CoProductionBudget, "2026", null, false, "/payments/budget?year=2026" },
        { AuditSubjectType.EasyReadTemplate, "HowWePay", null, false, "/easy-read/templates/how-we-pay/check" },
        { AuditSubjectType.EasyReadTemplate, "NoSuchKind", null, false, null },
        { AuditSubjectType.FeedbackTheme, "7", 2, false, "/projects/2/feedback/themes/7" },
        { AuditSubjectType.FeedbackTheme, "7", null, false, null },
        { AuditSubjectType.Profile, "9", null, true, null }, // people's own pages are not linked from the log
        { AuditSubjectType.PaymentDetails, "9", null, true, null },
        { AuditSubjectType.Project, "-1", null, false, null },
        { AuditSubjectType.Project, "x", null, false, null },
    };

    [Theory]
    [MemberData(nameof(LinkCases))]
    public void Subjects_LinkToTheirPages_WhereTheReaderHasOne(AuditSubjectType type, string id, int? projectId, bool finance, string? href) =>
        Assert.Equal(href, AuditText.Href(type, id, projectId, finance));

    [Fact]
    public void TheHistoryOfARecord_IsTheLogFilteredToIt()
    {
        Assert.Equal("/audit?subject=Project&id=12", AuditText.HistoryOf(AuditSubject.Project(12)));
        Assert.Equal("/audit?subject=StaffAccount&id=a%2Bb", AuditText.HistoryOf(AuditSubject.StaffAccount("a+b")));
    }

    private static Dictionary<string, string> Errors(AuditFilter filter) =>
        new AuditFilterValidator().Validate(filter).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    private static DateParts Parts(string? d, string? m, string? y) => new() { Day = d, Month = m, Year = y };

    public static TheoryData<string?, string?, string?, string?, string?> FilterCases => new()
    {
        // subject, act, from (d/m/y), to (d/m/y), expected first error (field: message) or null
        { null, null, null, null, null },
        { "Project", "StageMoved", "1/3/2026", "31/3/2026", null },
        { "project", null, null, null, null }, // the kind is read whatever its case
        { "Nonsense", null, null, null, "Subject: Choose a kind of record from the list" },
        { null, "DroppedTheTable", null, null, "Act: Choose an action from the list" },
        { null, null, "29/2/2026", null, "From: Date from must be a real date, like 27 3 2026" },
        { null, null, "29/2/2028", null, null }, // a leap year
        { null, null, "1/1/", null, "From: Date from must include a year" },
        { null, null, "//2026", null, "From: Date from must include a day and month" },
        { null, null, null, "0/1/2026", "To: Date to must be a real date, like 27 3 2026" },
        { null, null, "2/3/2026", "1/3/2026", "To: Date to must be the same as or after date from" },
        { null, null, "1/3/2026", "1/3/2026", null },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public void Filter_Cases(string? subject, string? act, string? from, string? to, string? expected)
    {
        static DateParts Read(string? dmy) => dmy is null ? new DateParts() : Parts(dmy.Split('/')[0], dmy.Split('/')[1], dmy.Split('/')[2]);
        var errors = Errors(new AuditFilter { Subject = subject, Act = act, From = Read(from), To = Read(to) });
        Assert.Equal(expected, errors.Select(e => $"{e.Key}: {e.Value}").FirstOrDefault());
    }
}
