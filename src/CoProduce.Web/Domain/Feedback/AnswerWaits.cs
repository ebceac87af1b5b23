namespace CoProduce.Web.Domain.Feedback;

/// <summary>
/// How long people waited from an activity to the published "you said, we did": in whole days, to the
/// first publication on or after the activity's day; or, while nothing has been published since, the
/// days so far.
/// </summary>
public sealed record AnswerWait(int Days, DateOnly? PublishedOn)
{
    public bool IsPublished => PublishedOn is not null;
}

public static class AnswerWaits
{
    /// <param name="activityDate">The day of the activity.</param>
    /// <param name="publishedOn">The days the project's "you said, we did" was published, in any order.</param>
    /// <param name="today">Today, for a wait that has not ended; an activity still to come has waited 0 days.</param>
    public static AnswerWait For(DateOnly activityDate, IEnumerable<DateOnly> publishedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(publishedOn);
        var first = publishedOn.Where(d => d >= activityDate).Order().Cast<DateOnly?>().FirstOrDefault();
        return first is { } on
            ? new AnswerWait(on.DayNumber - activityDate.DayNumber, on)
            : new AnswerWait(Math.Max(0, today.DayNumber - activityDate.DayNumber), null);
    }

    /// <summary>The middle wait, or the mean of the two middle ones; null when there are none.</summary>
    public static decimal? Median(IEnumerable<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var sorted = days.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
