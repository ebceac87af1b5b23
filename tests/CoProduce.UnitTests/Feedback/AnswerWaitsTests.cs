using CoProduce.Web.Domain.Feedback;

namespace CoProduce.UnitTests.Feedback;

public sealed class AnswerWaitsTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    public static TheoryData<string, string[], int, string?> Cases => new()
    {
        // The first publication on or after the activity's day; earlier ones answered earlier activities.
        { "2026-05-10", ["2026-05-31", "2026-07-01"], 21, "2026-05-31" },
        { "2026-06-01", ["2026-05-31", "2026-07-01"], 30, "2026-07-01" },
        { "2026-06-01", ["2026-07-01", "2026-05-31", "2026-06-20"], 19, "2026-06-20" },
        // Published on the day itself: no wait.
        { "2026-03-01", ["2026-03-01"], 0, "2026-03-01" },
        // Nothing since: the days so far.
        { "2026-11-01", ["2026-10-31"], 29, null },
        { "2026-11-30", [], 0, null },
        // An activity still to come has waited 0 days.
        { "2026-12-25", [], 0, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wait_RunsToTheFirstPublicationOnOrAfterTheActivity(string activity, string[] published, int days, string? publishedOn)
    {
        var wait = AnswerWaits.For(DateOnly.Parse(activity, System.Globalization.CultureInfo.InvariantCulture),
            published.Select(p => DateOnly.Parse(p, System.Globalization.CultureInfo.InvariantCulture)), Today);

        Assert.Equal(days, wait.Days);
        Assert.Equal(publishedOn, wait.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(publishedOn is not null, wait.IsPublished);
    }

    public static TheoryData<int[], decimal?> Medians => new()
    {
        { [], null },
        { [7], 7m },
        { [30, 0, 21], 21m },
        { [21, 30, 181, 0], 25.5m },
        { [1, 2], 1.5m },
        { [5, 5, 5, 100], 5m },
    };

    [Theory]
    [MemberData(nameof(Medians))]
    public void Median_IsTheMiddleWait_OrTheMeanOfTheMiddleTwo(int[] days, decimal? expected) =>
        Assert.Equal(expected, AnswerWaits.Median(days));
}
