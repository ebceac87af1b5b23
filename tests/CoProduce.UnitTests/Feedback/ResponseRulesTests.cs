using CoProduce.Web.Domain.Feedback;

namespace CoProduce.UnitTests.Feedback;

public class ResponseRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    public static TheoryData<ResponseKind?, string?, DateOnly?, string?> Cases => new()
    {
        { ResponseKind.WeDid, "We moved the meetings to the afternoon", null, null },
        { ResponseKind.WeDid, "  ", null, "Enter what we did" },
        { ResponseKind.WeWillDo, "We will add a bus pass", new DateOnly(2026, 12, 1), null },
        { ResponseKind.WeWillDo, "We will add a bus pass", Today, "The date we will do it by must be in the future" },
        { ResponseKind.WeWillDo, "We will add a bus pass", null, "Enter the date we will do it by" },
        { ResponseKind.WeWillDo, null, new DateOnly(2027, 1, 1), "Enter what we will do" },
        { ResponseKind.WeCannotDo, "", null, "Enter why we cannot do it, such as a legal duty or the budget" },
        { ResponseKind.WeCannotDo, "The law says we must", null, null },
        { null, "Anything", null, "Select what kind of answer this is: we did, we will do, or we cannot do" },
        { (ResponseKind)9, "Anything", null, "Select what kind of answer this is: we did, we will do, or we cannot do" },
        { ResponseKind.WeDid, new string('a', ResponseRules.TextMaxLength), null, null },
        { ResponseKind.WeDid, new string('a', ResponseRules.TextMaxLength + 1), null, "The answer must be 2000 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_FirstProblem(ResponseKind? kind, string? text, DateOnly? by, string? expected) =>
        Assert.Equal(expected, ResponseRules.Check(kind, text, by, Today).FirstOrDefault()?.Message);

    [Fact]
    public void Respond_WeDid_DropsAnyDate()
    {
        var theme = new FeedbackTheme(1, "Travel", "u", DateTime.UnixEpoch);

        theme.Respond(ResponseKind.WeDid, " Bus passes now come with the invitation ", new DateOnly(2027, 1, 1), Today, DateTime.UnixEpoch);

        Assert.Equal(new ThemeResponse(ResponseKind.WeDid, "Bus passes now come with the invitation", null), theme.Response);
    }

    [Fact]
    public void Respond_BreaksTheRules_Throws()
    {
        var theme = new FeedbackTheme(1, "Travel", "u", DateTime.UnixEpoch);

        Assert.Throws<ArgumentException>(() => theme.Respond(ResponseKind.WeWillDo, "Soon", null, Today, DateTime.UnixEpoch));
        Assert.Null(theme.Response);
    }

    [Fact]
    public void Publish_CopiesTheAnswer_AndAChangeAfterwardsIsUnpublished()
    {
        var theme = new FeedbackTheme(1, "Travel", "u", DateTime.UnixEpoch);
        var published = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        Assert.False(theme.Publish(published));

        theme.Respond(ResponseKind.WeWillDo, "Bus passes", new DateOnly(2027, 2, 1), Today, published);
        Assert.True(theme.HasUnpublishedResponse);
        Assert.True(theme.Publish(published));

        Assert.Equal(theme.Response, theme.Published);
        Assert.Equal(published, theme.PublishedUtc);
        Assert.False(theme.HasUnpublishedResponse);
        Assert.False(theme.Publish(published.AddHours(1)));

        theme.Respond(ResponseKind.WeDid, "Bus passes are sent", null, Today, published.AddDays(1));
        Assert.True(theme.HasUnpublishedResponse);
        Assert.Equal("Bus passes", theme.Published!.Text);
    }
}
