using CoProduce.Web.Domain.Activities;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>
/// A place cannot be given up, nor an offered place taken up, once the person's attendance is
/// recorded or the activity is over (completed, cancelled, or past its end time).
/// </summary>
public sealed class GivingUpAndTakingUpPlacesTests
{
    private const string AttendanceRecorded = "Attendance has been recorded, so this place cannot be given up.";
    private const string OverForWithdrawing = "The activity is over, so this place cannot be given up.";
    private const string OverForOffer = "The activity is over, so the place can no longer be taken up.";

    /// <summary>When: "before" the day, "on" the day while it is on, "over" (past its end), "completed" or "cancelled" (before its end).</summary>
    private static (Activity Activity, SignUp SignUp, DateTime Now) Scenario(SignUpStatus status, bool attendanceRecorded, string when)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, status);
        InStatus(activity, 2, SignUpStatus.Requested); // someone else, untouched
        if (attendanceRecorded)
        {
            activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), NoNotes, "organiser", SummerDayWhileOn);
        }
        switch (when)
        {
            case "before":
                return (activity, signUp, BeforeSummerDay);
            case "on":
                return (activity, signUp, SummerDayWhileOn);
            case "over":
                return (activity, signUp, SummerDayOver);
            case "completed":
                activity.MoveTo(ActivityStatus.Completed, SummerDayWhileOn);
                return (activity, signUp, SummerDayWhileOn);
            case "cancelled":
                activity.MoveTo(ActivityStatus.Cancelled, BeforeSummerDay);
                return (activity, signUp, BeforeSummerDay);
            default:
                throw new ArgumentException($"Unknown moment {when}", nameof(when));
        }
    }

    public static TheoryData<SignUpStatus, bool, string, string?> WithdrawCases => new()
    {
        // sign-up status, attendance recorded, when, why refused (null: withdrawn)
        { SignUpStatus.Confirmed, false, "before", null },
        { SignUpStatus.Confirmed, false, "on", null },
        { SignUpStatus.Confirmed, true, "on", AttendanceRecorded },
        { SignUpStatus.Confirmed, false, "over", OverForWithdrawing },
        { SignUpStatus.Confirmed, true, "over", AttendanceRecorded },
        { SignUpStatus.Confirmed, false, "completed", OverForWithdrawing },
        { SignUpStatus.Confirmed, true, "completed", AttendanceRecorded },
        { SignUpStatus.Confirmed, false, "cancelled", OverForWithdrawing },
        { SignUpStatus.Requested, false, "before", null },
        { SignUpStatus.Requested, false, "on", null },
        { SignUpStatus.Requested, false, "over", OverForWithdrawing },
        { SignUpStatus.WaitingList, false, "on", null },
        { SignUpStatus.WaitingList, false, "completed", OverForWithdrawing },
        { SignUpStatus.Offered, false, "on", null },
        { SignUpStatus.Offered, false, "over", OverForWithdrawing },
        { SignUpStatus.Invited, false, "before", null },
        { SignUpStatus.Invited, false, "cancelled", OverForWithdrawing },
    };

    [Theory]
    [MemberData(nameof(WithdrawCases))]
    public void Withdraw_NotOnceAttendanceIsRecordedOrTheActivityIsOver(SignUpStatus status, bool attendanceRecorded, string when, string? whyRefused)
    {
        var (activity, signUp, now) = Scenario(status, attendanceRecorded, when);
        var (confirmed, offered) = (activity.ConfirmedCount, activity.OfferedCount);
        var before = Snapshot(activity);

        var canWithdraw = activity.CanWithdraw(signUp, now);
        var refused = Record.Exception(() => activity.Withdraw(signUp.Id, now));

        Assert.Equal(whyRefused is null, canWithdraw);
        Assert.Equal(whyRefused, refused?.Message);
        if (whyRefused is null)
        {
            Assert.Equal(SignUpStatus.Withdrawn, signUp.Status);
            // A confirmed place, or a place held by an offer, is free again.
            Assert.Equal(status == SignUpStatus.Confirmed ? confirmed - 1 : confirmed, activity.ConfirmedCount);
            Assert.Equal(status == SignUpStatus.Offered ? offered - 1 : offered, activity.OfferedCount);
        }
        else
        {
            Assert.IsType<ActivityRuleException>(refused);
            Assert.Equal(before, Snapshot(activity));
        }
    }

    [Theory]
    [InlineData(SignUpStatus.Declined)]
    [InlineData(SignUpStatus.Withdrawn)]
    public void Withdraw_WhenNothingIsLeftToGiveUp_ChangesNothing(SignUpStatus status)
    {
        var (activity, signUp, now) = Scenario(status, attendanceRecorded: false, "before");
        var before = Snapshot(activity);

        Assert.False(activity.CanWithdraw(signUp, now));
        activity.Withdraw(signUp.Id, now);

        Assert.Equal(before, Snapshot(activity));
    }

    public static TheoryData<string, string?> AcceptOfferCases => new()
    {
        // when, why refused (null: they have the place)
        { "before", null },
        { "on", null },
        { "over", OverForOffer },
        { "completed", OverForOffer },
        { "cancelled", OverForOffer },
    };

    [Theory]
    [MemberData(nameof(AcceptOfferCases))]
    public void AcceptOffer_NotOnceTheActivityIsOver(string when, string? whyRefused)
    {
        var (activity, signUp, now) = Scenario(SignUpStatus.Offered, attendanceRecorded: false, when);
        var before = Snapshot(activity);

        var canAccept = activity.CanAcceptOffer(signUp, now);
        var refused = Record.Exception(() => activity.AcceptOffer(signUp.Id, true, null, now));

        Assert.Equal(whyRefused is null, canAccept);
        Assert.Equal(whyRefused, refused?.Message);
        if (whyRefused is null)
        {
            Assert.Equal((SignUpStatus.Confirmed, 1, 0), (signUp.Status, activity.ConfirmedCount, activity.OfferedCount));
        }
        else
        {
            Assert.IsType<ActivityRuleException>(refused);
            Assert.Equal(before, Snapshot(activity));
        }
    }

    [Theory]
    [InlineData(SignUpStatus.Requested, false)]
    [InlineData(SignUpStatus.Confirmed, false)]
    [InlineData(SignUpStatus.Confirmed, true)]
    [InlineData(SignUpStatus.WaitingList, false)]
    [InlineData(SignUpStatus.Declined, false)]
    [InlineData(SignUpStatus.Withdrawn, false)]
    [InlineData(SignUpStatus.Invited, false)]
    public void AcceptOffer_OnlyWhenAPlaceWasOffered(SignUpStatus status, bool attendanceRecorded)
    {
        var (activity, signUp, now) = Scenario(status, attendanceRecorded, "on");
        var before = Snapshot(activity);

        Assert.False(activity.CanAcceptOffer(signUp, now));
        var refused = Assert.Throws<ActivityRuleException>(() => activity.AcceptOffer(signUp.Id, true, null, now));

        Assert.Equal("There is no place offered to you on this activity.", refused.Message);
        Assert.Equal(before, Snapshot(activity));
    }
}
