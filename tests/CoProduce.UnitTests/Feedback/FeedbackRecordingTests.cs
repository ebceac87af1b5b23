using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Feedback;

namespace CoProduce.UnitTests.Feedback;

public class FeedbackRecordingTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    public static TheoryData<DateOnly, ActivityStatus, string?> Cases => new()
    {
        // Happened: today (the notes are often written the same day) or earlier.
        { Today, ActivityStatus.Completed, null },
        { Today, ActivityStatus.Closed, null },
        { Today.AddDays(-1), ActivityStatus.Completed, null },
        { Today.AddYears(-1), ActivityStatus.Open, null },
        { Today, ActivityStatus.Draft, null },
        // Not yet happened.
        { Today.AddDays(1), ActivityStatus.Closed, "Notes can be recorded once the activity has happened, from 1 December 2026" },
        { Today.AddDays(1), ActivityStatus.Completed, "Notes can be recorded once the activity has happened, from 1 December 2026" },
        // Cancelled, whatever the date.
        { Today.AddDays(-1), ActivityStatus.Cancelled, "This activity was cancelled, so there are no notes to record" },
        { Today, ActivityStatus.Cancelled, "This activity was cancelled, so there are no notes to record" },
        { Today.AddDays(5), ActivityStatus.Cancelled, "This activity was cancelled, so there are no notes to record" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhyNoFeedback(DateOnly date, ActivityStatus status, string? expected) =>
        Assert.Equal(expected, FeedbackRecording.WhyNoFeedback(date, status, Today));
}
