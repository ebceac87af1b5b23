using System.Globalization;
using CoProduce.Web.Features.Retention;

namespace CoProduce.UnitTests.Retention;

/// <summary>The daily run at 03:00 UK time, in UTC across the clock changes; the settings checked at start-up.</summary>
public sealed class RetentionScheduleTests
{
    private static DateTime U(string iso) => DateTime.SpecifyKind(DateTime.Parse(iso, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    // now (UTC), next run (UTC)
    [InlineData("2026-11-30T12:00:00", "2026-12-01T03:00:00")] // winter: 03:00 GMT is 03:00 UTC
    [InlineData("2026-12-01T02:59:59", "2026-12-01T03:00:00")]
    [InlineData("2026-12-01T03:00:00", "2026-12-02T03:00:00")] // a run at the moment itself: the next is tomorrow
    [InlineData("2026-07-01T01:00:00", "2026-07-01T02:00:00")] // summer: 03:00 BST is 02:00 UTC
    [InlineData("2026-07-01T02:00:00", "2026-07-02T02:00:00")]
    [InlineData("2026-03-28T12:00:00", "2026-03-29T02:00:00")] // the night the clocks go forward
    [InlineData("2026-10-24T12:00:00", "2026-10-25T03:00:00")] // the night they go back
    public void NextRunAfter_IsThreeInTheMorningUkTime(string now, string next)
    {
        Assert.Equal(U(next), RetentionJob.NextRunAfter(U(now), new TimeOnly(3, 0)));
    }

    [Theory]
    [InlineData(3, 6, 6, 2, "03:00", true)]
    [InlineData(0, 6, 6, 2, "03:00", false)]  // 0 years would anonymise everyone at once
    [InlineData(3, 5, 6, 2, "03:00", false)]  // receipts are finance records: not before their period
    [InlineData(3, 6, 6, 0, "03:00", false)]
    [InlineData(3, 6, 6, 2, "3am", false)]
    [InlineData(3, 6, 6, 2, "25:00", false)]
    public void Options_AreCheckedAtStartUp(int inactive, int receipts, int finance, int speakers, string runAt, bool valid)
    {
        var options = new RetentionOptions
        {
            ExpertsInactiveYears = inactive, ReceiptsKeepYears = receipts, FinanceRecordsKeepYears = finance,
            NoteSpeakersKeepYears = speakers, RunAtUkTime = runAt,
        };

        Assert.Equal(valid, options.IsValid);
    }
}
