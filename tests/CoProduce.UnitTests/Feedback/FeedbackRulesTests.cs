using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Feedback;

namespace CoProduce.UnitTests.Feedback;

public class FeedbackRulesTests
{
    private const int Jo = 7;
    private const int Sam = 8;

    public static TheoryData<Attendance, bool, int?, bool> CorrectCases => new()
    {
        // attendance, themed, said by, may Jo correct
        { Attendance.Attended, false, null, true },
        { Attendance.Attended, false, Jo, true },
        { Attendance.Attended, false, Sam, false },
        { Attendance.Attended, true, null, false },
        { Attendance.Attended, true, Jo, false },
        { Attendance.DidNotAttend, false, null, false },
        { Attendance.DidNotAttend, false, Jo, false },
        { Attendance.NotRecorded, false, Jo, false },
        { Attendance.CancelledByCouncil, false, null, false },
    };

    [Theory]
    [MemberData(nameof(CorrectCases))]
    public void MayParticipantCorrect_OnlyWhoWasThere_OnlyUnthemed_OnlyTheirOwnOrTheGroups(Attendance attendance, bool themed, int? saidBy, bool expected) =>
        Assert.Equal(expected, FeedbackRules.MayParticipantCorrect(attendance, themed, saidBy, Jo));

    [Theory]
    [InlineData(true, null, FeedbackRules.FixedOnceThemed)]
    [InlineData(true, Sam, FeedbackRules.FixedOnceThemed)]
    [InlineData(false, Sam, FeedbackRules.SomeoneElseSaidIt)]
    [InlineData(false, Jo, null)]
    [InlineData(false, null, null)]
    public void WhyParticipantCannotCorrect_GivesTheReason(bool themed, int? saidBy, string? expected) =>
        Assert.Equal(expected, FeedbackRules.WhyParticipantCannotCorrect(themed, saidBy, Jo));

    [Fact]
    public void CorrectByParticipant_SomeoneElsesNote_IsRefusedAndUnchanged()
    {
        var item = new FeedbackItem(1, 1, FeedbackKind.Working, "The staff listen", SevenKeys.Help, Sam, false, "organiser", DateTime.UnixEpoch);

        Assert.Equal(FeedbackRules.SomeoneElseSaidIt, item.CorrectByParticipant("The staff never listen", SevenKeys.None, Jo, DateTime.UnixEpoch));
        Assert.Equal("The staff listen", item.Text);
        Assert.Null(item.CorrectedByParticipantUtc);

        Assert.Null(item.CorrectByParticipant("The staff listen to us", SevenKeys.Help, Sam, DateTime.UnixEpoch.AddDays(1)));
        Assert.Equal("The staff listen to us", item.Text);
    }
}
