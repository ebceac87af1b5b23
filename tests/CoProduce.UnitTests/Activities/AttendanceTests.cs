using CoProduce.Web.Domain.Activities;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>
/// Attendance: recorded for people with a place, on or after the day; the time given (activity,
/// preparation, travel, in minutes) kept only for someone who attended; who recorded it and when.
/// </summary>
public sealed class AttendanceTests
{
    [Theory]
    [InlineData(SignUpStatus.Requested)]
    [InlineData(SignUpStatus.WaitingList)]
    [InlineData(SignUpStatus.Offered)]
    [InlineData(SignUpStatus.Declined)]
    [InlineData(SignUpStatus.Withdrawn)]
    [InlineData(SignUpStatus.Invited)]
    public void OnlyForPeopleWithAPlace(SignUpStatus status)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, status);
        var before = Snapshot(activity);

        var refused = Assert.Throws<ActivityRuleException>(() =>
            activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), NoNotes, "organiser", SummerDayWhileOn));

        Assert.Equal("Attendance is recorded for people with a place.", refused.Message);
        Assert.Equal(before, Snapshot(activity));
    }

    [Fact]
    public void SomeoneElsesSignUp_IsRefused()
    {
        var activity = SummerActivity(ActivityStatus.Open);
        InStatus(activity, 1, SignUpStatus.Confirmed);

        var refused = Assert.Throws<ActivityRuleException>(() =>
            activity.RecordAttendance(99, Attendance.Attended, new TimeGiven(120), NoNotes, "organiser", SummerDayWhileOn));

        Assert.Equal("That sign-up is not for this activity.", refused.Message);
    }

    public static TheoryData<ActivityStatus, string, string?> ActivityStatusCases => new()
    {
        // activity status, now (UTC), why refused (null: recorded)
        { ActivityStatus.Open, "2027-06-14T12:00:00Z", "Attendance can be recorded on or after the day of the activity, 15 June 2027." },
        { ActivityStatus.Open, "2027-06-15T09:30:00Z", null },
        { ActivityStatus.Closed, "2027-06-15T09:30:00Z", null },
        { ActivityStatus.Closed, "2027-06-16T12:00:00Z", null },
        { ActivityStatus.Completed, "2027-06-15T09:30:00Z", null },
        { ActivityStatus.Completed, "2027-07-15T12:00:00Z", null },
        { ActivityStatus.Cancelled, "2027-06-15T09:30:00Z", "The activity was cancelled, so there is no attendance to record." },
        { ActivityStatus.Cancelled, "2027-06-16T12:00:00Z", "The activity was cancelled, so there is no attendance to record." },
    };

    [Theory]
    [MemberData(nameof(ActivityStatusCases))]
    public void OnOrAfterTheDay_OfAnActivityThatWasNotCancelled(ActivityStatus status, string now, string? whyRefused)
    {
        // People take their places while it is open; then the organiser moves it on.
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, SignUpStatus.Confirmed);
        if (status != ActivityStatus.Open)
        {
            activity.MoveTo(status, status == ActivityStatus.Completed ? SummerDayWhileOn : SetUpUtc);
        }
        var before = Snapshot(activity);

        var refused = Record.Exception(() => activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), NoNotes, "organiser", Utc(now)));

        Assert.Equal(whyRefused is null, activity.CanRecordAttendance(Utc(now)));
        Assert.Equal(whyRefused, refused?.Message);
        if (whyRefused is not null)
        {
            Assert.IsType<ActivityRuleException>(refused);
            Assert.Equal(before, Snapshot(activity));
        }
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, Activity.AttendanceLockedByClaim)]
    public void OnceTheirClaimIsSent_TheAttendanceItPaysForIsFixed(bool claimSent, string? whyRefused)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, SignUpStatus.Confirmed);
        activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), NoNotes, "organiser", SummerDayWhileOn);
        var before = Snapshot(activity);

        var refused = Record.Exception(() =>
            activity.RecordAttendance(signUp.Id, Attendance.DidNotAttend, null, NoNotes, "organiser", SummerDayWhileOn.AddHours(1), claimSent));

        Assert.Equal(whyRefused, activity.WhyNoAttendance(signUp, SummerDayWhileOn.AddHours(1), claimSent));
        Assert.Equal(whyRefused, refused?.Message);
        if (whyRefused is not null)
        {
            Assert.IsType<ActivityRuleException>(refused);
            Assert.Equal(before, Snapshot(activity));
        }
        else
        {
            Assert.Equal(Attendance.DidNotAttend, signUp.Attendance);
        }
    }

    public static TheoryData<Attendance, int?, string?, int?> AnswerCases => new()
    {
        // attendance, activity minutes given (null: no time), why refused, activity minutes kept
        { Attendance.NotRecorded, null, "Say whether they attended.", null },
        { Attendance.NotRecorded, 120, "Say whether they attended.", null },
        { Attendance.Attended, null, "Say how long they took part.", null },
        { Attendance.Attended, 120, null, 120 },
        { Attendance.Attended, 0, null, 0 },
        { Attendance.DidNotAttend, null, null, null },
        { Attendance.DidNotAttend, 120, null, null },
        { Attendance.CancelledByCouncil, null, null, null },
        { Attendance.CancelledByCouncil, 120, null, null },
    };

    [Theory]
    [MemberData(nameof(AnswerCases))]
    public void SayWhetherTheyCame_AndTimeIsKeptOnlyForSomeoneWhoDid(Attendance attendance, int? minutes, string? whyRefused, int? kept)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, SignUpStatus.Confirmed);
        var time = minutes is { } m ? new TimeGiven(m, 30, 45) : null;
        var before = Snapshot(activity);

        var refused = Record.Exception(() => activity.RecordAttendance(signUp.Id, attendance, time, NoNotes, "organiser", SummerDayWhileOn));

        Assert.Equal(whyRefused, refused?.Message);
        if (whyRefused is not null)
        {
            Assert.IsType<ActivityRuleException>(refused);
            Assert.Equal(before, Snapshot(activity));
            return;
        }
        Assert.Equal(attendance, signUp.Attendance);
        Assert.Equal(kept, signUp.ActivityMinutes);
        Assert.Equal(kept is null ? null : new TimeGiven(kept.Value, 30, 45), signUp.TimeGiven);
        Assert.Equal(kept is null ? (null, null) : (30, 45), (signUp.PreparationMinutes, signUp.TravelMinutes));
    }

    [Theory]
    [InlineData(0, 0, 0, null)]
    [InlineData(1, 1, 1, null)]
    [InlineData(1440, 1440, 1440, null)]
    [InlineData(1441, 0, 0, "activityMinutes")]
    [InlineData(0, 1441, 0, "preparationMinutes")]
    [InlineData(0, 0, 1441, "travelMinutes")]
    [InlineData(-1, 0, 0, "activityMinutes")]
    [InlineData(0, -1, 0, "preparationMinutes")]
    [InlineData(0, 0, -1, "travelMinutes")]
    [InlineData(int.MinValue, 0, 0, "activityMinutes")]
    public void TimeGiven_EachPartFromNoneToADay(int activityMinutes, int preparationMinutes, int travelMinutes, string? wrongPart)
    {
        var refused = Record.Exception(() => new TimeGiven(activityMinutes, preparationMinutes, travelMinutes));

        Assert.Equal(wrongPart is null, refused is null);
        Assert.Equal(wrongPart, (refused as ArgumentOutOfRangeException)?.ParamName);
    }

    [Fact]
    public void TimeGiven_WithinRange_KeepsEachPart()
    {
        var time = new TimeGiven(150, 60, 40);

        Assert.Equal((150, 60, 40), (time.ActivityMinutes, time.PreparationMinutes, time.TravelMinutes));
        Assert.Equal((0, 0), (new TimeGiven(90).PreparationMinutes, new TimeGiven(90).TravelMinutes));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void WhoRecordedIt_IsNeeded(string recordedBy)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, SignUpStatus.Confirmed);

        Assert.Throws<ArgumentException>(() => activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), NoNotes, recordedBy, SummerDayWhileOn));
        Assert.Equal(Attendance.NotRecorded, signUp.Attendance);
    }

    [Fact]
    public void RecordingAgain_ReplacesEverything_AndSaysWhoCorrectedItAndWhen()
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, SignUpStatus.Confirmed);
        var later = SummerDayOver.AddHours(2);

        activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120, 30, 45), new("Easy read agenda", "Fine", "Would come again"), "organiser", SummerDayOver);
        Assert.Equal(("organiser", SummerDayOver, new TimeGiven(120, 30, 45)), (signUp.AttendanceRecordedByUserId, signUp.AttendanceRecordedUtc, signUp.TimeGiven));

        activity.RecordAttendance(signUp.Id, Attendance.DidNotAttend, new TimeGiven(120), new(null, "Phoned to say unwell", null), "lead", later);

        Assert.Equal((Attendance.DidNotAttend, (TimeGiven?)null), (signUp.Attendance, signUp.TimeGiven));
        Assert.Equal((null, "Phoned to say unwell", null), (signUp.PreparationNotes, signUp.CheckInNotes, signUp.DebriefNotes));
        Assert.Equal(("lead", later), (signUp.AttendanceRecordedByUserId, signUp.AttendanceRecordedUtc));
        Assert.Equal((later, later), (signUp.UpdatedUtc, activity.UpdatedUtc));

        activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(90), NoNotes, "organiser", later.AddMinutes(5));

        Assert.Equal((Attendance.Attended, new TimeGiven(90, 0, 0), "organiser"), (signUp.Attendance, signUp.TimeGiven, signUp.AttendanceRecordedByUserId));
        Assert.Equal(1, activity.AttendedCount);
    }
}
