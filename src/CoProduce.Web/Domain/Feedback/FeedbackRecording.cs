using System.Globalization;
using CoProduce.Web.Domain.Activities;

namespace CoProduce.Web.Domain.Feedback;

/// <summary>When notes of what people said can be written down for an activity.</summary>
public static class FeedbackRecording
{
    /// <summary>
    /// Why no notes can be recorded for an activity, or null when they can: only for an activity
    /// that has happened (its date is today or earlier, UK time) and was not cancelled.
    /// </summary>
    public static string? WhyNoFeedback(DateOnly activityDate, ActivityStatus status, DateOnly today) =>
        status == ActivityStatus.Cancelled
            ? "This activity was cancelled, so there are no notes to record"
            : activityDate > today
                ? $"Notes can be recorded once the activity has happened, from {activityDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}"
                : null;
}
