using CoProduce.Web.Domain.Feedback;

namespace CoProduce.UnitTests.Feedback;

public class YouSaidWeDidRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    private static FeedbackTheme Theme(string name, ResponseKind? answer = null, bool published = false)
    {
        var theme = new FeedbackTheme(1, name, "u", Now);
        if (answer is { } kind)
        {
            theme.Respond(kind, "Answer", kind == ResponseKind.WeWillDo ? Today.AddDays(30) : null, Today, Now);
        }
        if (published)
        {
            theme.Publish(Now);
        }
        return theme;
    }

    [Fact]
    public void CheckPublish_EveryThemeAnswered_NoProblems() =>
        Assert.Empty(YouSaidWeDidRules.CheckPublish([(Theme("A", ResponseKind.WeDid), 3), (Theme("B", ResponseKind.WeCannotDo), 1)], null, Today));

    [Fact]
    public void CheckPublish_AThemeWithItemsUnanswered_NamesIt()
    {
        var problems = YouSaidWeDidRules.CheckPublish([(Theme("A", ResponseKind.WeDid), 3), (Theme("Transport"), 2)], null, Today);

        Assert.Equal("Answer the theme \"Transport\" before publishing: say what we did, will do, or cannot do", Assert.Single(problems).Message);
    }

    [Fact]
    public void CheckPublish_AnEmptyThemeUnanswered_IsIgnored() =>
        Assert.Empty(YouSaidWeDidRules.CheckPublish([(Theme("A", ResponseKind.WeDid), 3), (Theme("Empty"), 0)], null, Today));

    [Fact]
    public void CheckPublish_NothingNewSinceLastTime_Refused() =>
        Assert.Equal("Every answer has already been published. Change an answer to publish again",
            Assert.Single(YouSaidWeDidRules.CheckPublish([(Theme("A", ResponseKind.WeDid, published: true), 3)], null, Today)).Message);

    [Fact]
    public void CheckPublish_OnlyAnEmptyThemeHasANewAnswer_RefusedAsNothingNew() =>
        Assert.Equal("Every answer has already been published. Change an answer to publish again",
            Assert.Single(YouSaidWeDidRules.CheckPublish([(Theme("A", ResponseKind.WeDid, published: true), 3), (Theme("Emptied", ResponseKind.WeDid), 0)], null, Today)).Message);

    [Fact]
    public void CheckPublish_NoThemes_Refused() =>
        Assert.Equal("Add a theme and answer it before publishing", Assert.Single(YouSaidWeDidRules.CheckPublish([], null, Today)).Message);

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    [InlineData(1, false)]
    public void CheckPublish_ReviewDate_MustBeInTheFuture(int daysFromToday, bool refused)
    {
        var problems = YouSaidWeDidRules.CheckPublish([(Theme("A", ResponseKind.WeDid), 1)], Today.AddDays(daysFromToday), Today);

        Assert.Equal(refused, problems.Any(p => p.Field == "ReviewOn"));
    }

    [Fact]
    public void CheckPublish_MergedThemes_AreLeftOut()
    {
        var merged = Theme("Old");
        var live = Theme("Live", ResponseKind.WeDid);
        typeof(FeedbackTheme).GetProperty(nameof(FeedbackTheme.Id))!.SetValue(live, 2);
        typeof(FeedbackTheme).GetProperty(nameof(FeedbackTheme.Id))!.SetValue(merged, 3);
        merged.MergeInto(live, Now);

        Assert.Empty(YouSaidWeDidRules.CheckPublish([(merged, 4), (live, 4)], null, Today));
    }
}
