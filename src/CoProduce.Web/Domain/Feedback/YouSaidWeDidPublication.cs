namespace CoProduce.Web.Domain.Feedback;

/// <summary>
/// One publication of a project's "you said, we did": when, by whom, how many answers it carried,
/// whether the project's public page shows it, and the date the group is brought back to review it.
/// The answers themselves are the themes' published columns.
/// </summary>
public sealed class YouSaidWeDidPublication
{
    private YouSaidWeDidPublication()
    {
    }

    public YouSaidWeDidPublication(int projectId, int answerCount, bool showOnPublicPage, DateOnly? reviewOn, string publishedByUserId, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(projectId, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(answerCount, 1);
        ProjectId = projectId;
        AnswerCount = answerCount;
        ShowOnPublicPage = showOnPublicPage;
        ReviewOn = reviewOn;
        PublishedByUserId = publishedByUserId;
        PublishedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public int AnswerCount { get; private set; }
    public bool ShowOnPublicPage { get; private set; }

    /// <summary>When the group comes back to see what changed; a follow-up activity is proposed for it.</summary>
    public DateOnly? ReviewOn { get; private set; }

    /// <summary>The draft follow-up activity proposed for <see cref="ReviewOn"/>, if one was.</summary>
    public int? FollowUpActivityId { get; private set; }

    public string PublishedByUserId { get; private set; } = string.Empty;
    public DateTime PublishedUtc { get; private set; }

    public void ProposeFollowUp(int activityId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(activityId, 1);
        FollowUpActivityId = activityId;
    }
}

public sealed record PublishProblem(string Field, string Message);

/// <summary>Whether a project's answers can be published.</summary>
public static class YouSaidWeDidRules
{
    /// <summary>
    /// Every live theme with feedback in it needs an answer, and at least one answer to a theme with
    /// feedback must be new since the last publication (a theme emptied of notes has nothing to
    /// answer, so its answer is not published). A review date, when given, must be after today.
    /// </summary>
    public static IReadOnlyList<PublishProblem> CheckPublish(IEnumerable<(FeedbackTheme Theme, int ItemCount)> themes, DateOnly? reviewOn, DateOnly today)
    {
        var problems = new List<PublishProblem>();
        var live = themes.Where(t => !t.Theme.IsMerged).ToList();
        foreach (var (theme, _) in live.Where(t => t.ItemCount > 0 && t.Theme.Response is null))
        {
            problems.Add(new("Themes", $"Answer the theme \"{theme.Name}\" before publishing: say what we did, will do, or cannot do"));
        }
        if (problems.Count == 0 && !live.Any(t => t.ItemCount > 0 && t.Theme.HasUnpublishedResponse))
        {
            problems.Add(new("Themes", live.Any(t => t.Theme.Response is not null)
                ? "Every answer has already been published. Change an answer to publish again"
                : "Add a theme and answer it before publishing"));
        }
        if (reviewOn is { } date && date <= today)
        {
            problems.Add(new("ReviewOn", "The date to bring the group back must be in the future"));
        }
        return problems;
    }
}
