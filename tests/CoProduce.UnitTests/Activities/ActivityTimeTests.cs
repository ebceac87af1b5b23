using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Roster;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>
/// An activity happens on a UK date, between times on a UK wall clock. "Today" changes at midnight
/// in the UK: 23:00 UTC in summer (BST), 00:00 UTC in winter (GMT). In 2027 the clocks go forward
/// at 01:00 UTC on 28 March and back at 01:00 UTC on 31 October.
/// </summary>
public sealed class ActivityTimeTests
{
    public static TheoryData<string, string, bool> DayCases => new()
    {
        // activity date, now (UTC), whether its day has come in the UK
        // Summer: the 15th begins at 23:00 UTC on the 14th.
        { "2027-06-15", "2027-06-14T22:59:59Z", false },
        { "2027-06-15", "2027-06-14T23:00:00Z", true },
        { "2027-06-15", "2027-06-15T22:59:59Z", true },
        { "2027-06-15", "2027-06-16T12:00:00Z", true },
        // Winter: the 15th begins at midnight UTC, not an hour before.
        { "2027-01-15", "2027-01-14T23:00:00Z", false },
        { "2027-01-15", "2027-01-14T23:59:59Z", false },
        { "2027-01-15", "2027-01-15T00:00:00Z", true },
        // 28 March begins in GMT; 29 March begins in BST.
        { "2027-03-28", "2027-03-27T23:59:59Z", false },
        { "2027-03-28", "2027-03-28T00:00:00Z", true },
        { "2027-03-29", "2027-03-28T22:59:59Z", false },
        { "2027-03-29", "2027-03-28T23:00:00Z", true },
        // 31 October begins in BST; 1 November begins in GMT.
        { "2027-10-31", "2027-10-30T22:59:59Z", false },
        { "2027-10-31", "2027-10-30T23:00:00Z", true },
        { "2027-11-01", "2027-10-31T23:59:59Z", false },
        { "2027-11-01", "2027-11-01T00:00:00Z", true },
    };

    [Theory]
    [MemberData(nameof(DayCases))]
    public void Completing_OnlyOnOrAfterItsDay_InUkTime(string date, string now, bool allowed)
    {
        var activity = Open(Day(date));
        var before = Snapshot(activity);

        var refused = Record.Exception(() => activity.MoveTo(ActivityStatus.Completed, Utc(now)));

        Assert.Equal(allowed, activity.HasReachedItsDay(Utc(now)));
        Assert.Equal(allowed, refused is null);
        if (allowed)
        {
            Assert.Equal(ActivityStatus.Completed, activity.Status);
        }
        else
        {
            Assert.IsType<ActivityRuleException>(refused);
            Assert.Equal(before, Snapshot(activity));
        }
    }

    [Theory]
    [MemberData(nameof(DayCases))]
    public void RecordingAttendance_OnlyOnOrAfterItsDay_InUkTime(string date, string now, bool allowed)
    {
        var activity = Open(Day(date));
        var signUp = InStatus(activity, 1, SignUpStatus.Confirmed);
        var before = Snapshot(activity);

        var refused = Record.Exception(() => activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), NoNotes, "organiser", Utc(now)));

        Assert.Equal(allowed, activity.CanRecordAttendance(Utc(now)));
        Assert.Equal(allowed, activity.ChoicesFor(signUp, Utc(now)).CanRecordAttendance);
        Assert.Equal(allowed, refused is null);
        if (allowed)
        {
            Assert.Equal(Attendance.Attended, signUp.Attendance);
        }
        else
        {
            Assert.IsType<ActivityRuleException>(refused);
            Assert.Equal(before, Snapshot(activity));
        }
    }

    [Fact]
    public void TooEarly_SaysFromWhichDay()
    {
        var activity = Open(Day("2027-06-15"));
        var signUp = InStatus(activity, 1, SignUpStatus.Confirmed);
        var lastMomentOfThe14th = Utc("2027-06-14T22:59:59Z");

        var completing = Assert.Throws<ActivityRuleException>(() => activity.MoveTo(ActivityStatus.Completed, lastMomentOfThe14th));
        var recording = Assert.Throws<ActivityRuleException>(() =>
            activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), NoNotes, "organiser", lastMomentOfThe14th));

        Assert.Equal("An activity can be completed on or after its day, 15 June 2027.", completing.Message);
        Assert.Equal("Attendance can be recorded on or after the day of the activity, 15 June 2027.", recording.Message);
    }

    public static TheoryData<string, string, string, string, bool> EndCases => new()
    {
        // activity date, start and end (UK wall clock), now (UTC), whether it is over
        // Summer: 12:00 BST is 11:00 UTC.
        { "2027-06-15", "10:00", "12:00", "2027-06-15T10:59:59Z", false },
        { "2027-06-15", "10:00", "12:00", "2027-06-15T11:00:00Z", true },
        // Winter: 12:00 GMT is 12:00 UTC.
        { "2027-01-15", "10:00", "12:00", "2027-01-15T11:59:59Z", false },
        { "2027-01-15", "10:00", "12:00", "2027-01-15T12:00:00Z", true },
        // 28 March: by 10:00 the clocks have gone forward, so it ends at 11:00 UTC, not 12:00.
        { "2027-03-28", "10:00", "12:00", "2027-03-28T10:59:59Z", false },
        { "2027-03-28", "10:00", "12:00", "2027-03-28T11:00:00Z", true },
        { "2027-03-28", "10:00", "12:00", "2027-03-28T11:30:00Z", true },
        // ... but something ending before the change ends in GMT.
        { "2027-03-28", "00:00", "00:30", "2027-03-28T00:29:59Z", false },
        { "2027-03-28", "00:00", "00:30", "2027-03-28T00:30:00Z", true },
        // 31 October: by 12:00 the clocks have gone back, so it ends at 12:00 UTC, not 11:00.
        { "2027-10-31", "10:00", "12:00", "2027-10-31T11:00:00Z", false },
        { "2027-10-31", "10:00", "12:00", "2027-10-31T11:59:59Z", false },
        { "2027-10-31", "10:00", "12:00", "2027-10-31T12:00:00Z", true },
        // ... but something ending before the change ends in BST: 23:30 UTC the day before.
        { "2027-10-31", "00:00", "00:30", "2027-10-30T23:29:59Z", false },
        { "2027-10-31", "00:00", "00:30", "2027-10-30T23:30:00Z", true },
        // 01:30 on 31 October happens twice, in BST and then in GMT: it ends at the later one.
        { "2027-10-31", "00:00", "01:30", "2027-10-31T00:30:00Z", false },
        { "2027-10-31", "00:00", "01:30", "2027-10-31T01:29:59Z", false },
        { "2027-10-31", "00:00", "01:30", "2027-10-31T01:30:00Z", true },
        // 01:30 on 28 March never happens (the clocks jump from 01:00 to 02:00): it is read as the
        // wall clock would read it after the jump, 02:30 BST, which is 01:30 UTC.
        { "2027-03-28", "00:00", "01:30", "2027-03-28T01:29:59Z", false },
        { "2027-03-28", "00:00", "01:30", "2027-03-28T01:30:00Z", true },
    };

    [Theory]
    [MemberData(nameof(EndCases))]
    public void IsOver_AtItsEndTime_OnTheUkWallClock(string date, string start, string end, string now, bool over)
    {
        var activity = Open(Day(date), start, end);

        Assert.Equal(over, activity.IsOver(Utc(now)));
    }

    public static TheoryData<ActivityStatus, string, bool> OverByStatusCases => new()
    {
        // status, now (UTC; the summer activity is 09:00–11:00 UTC on 15 June 2027), whether it is over
        { ActivityStatus.Draft, "2027-06-14T12:00:00Z", false },
        { ActivityStatus.Draft, "2027-06-15T11:00:00Z", true },
        { ActivityStatus.Open, "2027-06-15T09:30:00Z", false },
        { ActivityStatus.Open, "2027-06-15T11:00:00Z", true },
        { ActivityStatus.Closed, "2027-06-15T09:30:00Z", false },
        { ActivityStatus.Closed, "2027-06-16T12:00:00Z", true },
        // Completed (on the day, while it was still on) or cancelled: over whatever the time.
        { ActivityStatus.Completed, "2027-06-15T09:30:00Z", true },
        { ActivityStatus.Cancelled, "2027-01-02T09:00:00Z", true },
        { ActivityStatus.Cancelled, "2027-06-14T12:00:00Z", true },
    };

    [Theory]
    [MemberData(nameof(OverByStatusCases))]
    public void IsOver_WhenCompletedOrCancelled_OrPastItsEnd(ActivityStatus status, string now, bool over)
    {
        var activity = SummerActivity(status);

        Assert.Equal(over, activity.IsOver(Utc(now)));
    }

    public static TheoryData<string, string, bool> ClosingCases => new()
    {
        // sign-up closes on (UK date), now (UTC), whether it takes sign-ups
        { "2027-06-10", "2027-06-10T22:59:59Z", true },
        { "2027-06-10", "2027-06-10T23:00:00Z", false },
        { "2027-01-10", "2027-01-10T23:00:00Z", true },
        { "2027-01-10", "2027-01-10T23:59:59Z", true },
        { "2027-01-10", "2027-01-11T00:00:00Z", false },
    };

    [Theory]
    [InlineData("2027-06-15T10:59:59Z", true)]
    [InlineData("2027-06-15T11:00:00Z", false)]
    [InlineData("2027-06-15T22:59:59Z", false)]
    public void AcceptsSignUps_OnItsLastDay_OnlyUntilItIsOver(string now, bool accepts)
    {
        // Sign-up closes on the day of the activity, 10:00–12:00 BST (09:00–11:00 UTC).
        var activity = Open(SummerDay);
        var before = Snapshot(activity);

        var refused = Record.Exception(() => activity.RequestPlace(1, true, "", Utc(now)));

        Assert.Equal(accepts, activity.AcceptsSignUps(Utc(now)));
        Assert.Equal(accepts ? null : "This activity is not taking sign-ups now.", refused?.Message);
        if (!accepts)
        {
            Assert.Equal(before, Snapshot(activity));
        }
    }

    [Theory]
    [MemberData(nameof(ClosingCases))]
    public void AcceptsSignUps_UntilTheEndOfItsClosingDay_InUkTime(string closesOn, string now, bool accepts)
    {
        var activity = new Activity(1, "Workshop", ActivityType.Workshop, "",
            new ActivitySchedule(Day(closesOn).AddDays(5), Time("10:00"), Time("12:00"), Day(closesOn)),
            new ActivityPlace(ActivityMode.Online, null, null, "A link"), 3, [LivedExperienceArea.Carer], LadderRung.CoDesign, false, "organiser", SetUpUtc);
        activity.MoveTo(ActivityStatus.Open, SetUpUtc);

        var refused = Record.Exception(() => activity.RequestPlace(1, true, "", Utc(now)));

        Assert.Equal(accepts, activity.AcceptsSignUps(Utc(now)));
        Assert.Equal(accepts, refused is null);
    }
}
