using CoProduce.Web.Domain.Activities;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>
/// The organiser's moves: draft → open ⇄ closed → completed, and anything not completed can be
/// cancelled. It opens only until its day has passed and is completed only from its day (UK time).
/// </summary>
public sealed class ActivityMovesTests
{
    private const ActivityStatus Draft = ActivityStatus.Draft;
    private const ActivityStatus Open = ActivityStatus.Open;
    private const ActivityStatus Closed = ActivityStatus.Closed;
    private const ActivityStatus Completed = ActivityStatus.Completed;
    private const ActivityStatus Cancelled = ActivityStatus.Cancelled;

    /// <summary>The summer activity's day is 15 June 2027; these are a moment before, on and after it.</summary>
    private static DateTime At(string when) => when switch
    {
        "before" => BeforeSummerDay,
        "on" => SummerDayWhileOn,
        "after" => AfterSummerDay,
        _ => throw new ArgumentException($"Unknown moment {when}", nameof(when)),
    };

    /// <summary>Every status at every moment, and the moves open from it.</summary>
    private static readonly (ActivityStatus From, string When, ActivityStatus[] Moves)[] Table =
    [
        (Draft, "before", [Open, Cancelled]),
        (Draft, "on", [Open, Cancelled]),
        (Draft, "after", [Cancelled]),
        (Open, "before", [Closed, Cancelled]),
        (Open, "on", [Closed, Completed, Cancelled]),
        (Open, "after", [Closed, Completed, Cancelled]),
        (Closed, "before", [Open, Cancelled]),
        (Closed, "on", [Open, Completed, Cancelled]),
        (Closed, "after", [Completed, Cancelled]),
        (Completed, "before", []),
        (Completed, "on", []),
        (Completed, "after", []),
        (Cancelled, "before", []),
        (Cancelled, "on", []),
        (Cancelled, "after", []),
    ];

    public static TheoryData<ActivityStatus, string, ActivityStatus[]> AllowedMovesCases
    {
        get
        {
            var cases = new TheoryData<ActivityStatus, string, ActivityStatus[]>();
            foreach (var (from, when, moves) in Table)
            {
                cases.Add(from, when, moves);
            }
            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(AllowedMovesCases))]
    public void AllowedMoves_ForEveryStatus_BeforeOnAndAfterItsDay(ActivityStatus from, string when, ActivityStatus[] moves)
    {
        var activity = SummerActivity(from);

        Assert.Equal(moves, activity.AllowedMoves(At(when)));
    }

    public static TheoryData<ActivityStatus, string, ActivityStatus, bool> EveryMoveCases
    {
        get
        {
            var cases = new TheoryData<ActivityStatus, string, ActivityStatus, bool>();
            foreach (var (from, when, moves) in Table)
            {
                foreach (var to in Enum.GetValues<ActivityStatus>())
                {
                    cases.Add(from, when, to, moves.Contains(to));
                }
            }
            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(EveryMoveCases))]
    public void MoveTo_MakesExactlyTheAllowedMoves(ActivityStatus from, string when, ActivityStatus to, bool allowed)
    {
        var activity = SummerActivity(from);
        var before = Snapshot(activity);

        var refused = Record.Exception(() => activity.MoveTo(to, At(when)));

        Assert.Equal(allowed, refused is null);
        if (allowed)
        {
            Assert.Equal((to, At(when)), (activity.Status, activity.UpdatedUtc));
        }
        else
        {
            Assert.IsType<ActivityRuleException>(refused);
            Assert.Equal(before, Snapshot(activity));
        }
    }

    public static TheoryData<ActivityStatus, string, ActivityStatus, string> RefusalCases => new()
    {
        // from, when, to, what the organiser is told
        { Open, "before", Completed, "An activity can be completed on or after its day, 15 June 2027." },
        { Closed, "before", Completed, "An activity can be completed on or after its day, 15 June 2027." },
        { Draft, "after", Open, "An activity that is over cannot be opened for sign-up." },
        { Closed, "after", Open, "An activity that is over cannot be opened for sign-up." },
        { Draft, "on", Completed, "An activity that is a draft cannot become completed." },
        { Draft, "before", Closed, "An activity that is a draft cannot become closed." },
        { Open, "on", Open, "An activity that is open cannot become open." },
        { Open, "on", Draft, "An activity that is open cannot become a draft." },
        { Completed, "after", Cancelled, "An activity that is completed cannot become cancelled." },
        { Completed, "after", Open, "An activity that is completed cannot become open." },
        { Cancelled, "before", Open, "An activity that is cancelled cannot become open." },
        { Cancelled, "after", Completed, "An activity that is cancelled cannot become completed." },
    };

    [Theory]
    [MemberData(nameof(RefusalCases))]
    public void MoveTo_Refused_SaysWhy(ActivityStatus from, string when, ActivityStatus to, string message)
    {
        var activity = SummerActivity(from);

        var refused = Assert.Throws<ActivityRuleException>(() => activity.MoveTo(to, At(when)));

        Assert.Equal(message, refused.Message);
        Assert.Equal(from, activity.Status);
    }

    [Theory]
    [InlineData(Draft, Cancelled, 1)]
    [InlineData(Open, Cancelled, 1)]
    [InlineData(Closed, Cancelled, 1)]
    [InlineData(Draft, Open, 0)]
    [InlineData(Open, Closed, 0)]
    [InlineData(Closed, Open, 0)]
    [InlineData(Open, Completed, 0)]
    public void Cancelling_RaisesTheInviteSequence_SoCalendarsReplaceTheInvite(ActivityStatus from, ActivityStatus to, int raisedBy)
    {
        var activity = SummerActivity(from);
        var sequence = activity.InviteSequence;

        activity.MoveTo(to, SummerDayWhileOn);

        Assert.Equal(sequence + raisedBy, activity.InviteSequence);
    }

    [Theory]
    [InlineData(Attendance.Attended)]
    [InlineData(Attendance.DidNotAttend)]
    [InlineData(Attendance.CancelledByCouncil)]
    public void Cancel_OnceAnyAttendanceIsRecorded_IsRefused_ButCompletingIsNot(Attendance attendance)
    {
        var activity = SummerActivity(Open);
        var signUp = InStatus(activity, 1, SignUpStatus.Confirmed);
        activity.RecordAttendance(signUp.Id, attendance, attendance == Attendance.Attended ? new TimeGiven(60) : null, NoNotes, "organiser", SummerDayWhileOn);

        Assert.Equal([Closed, Completed], activity.AllowedMoves(SummerDayWhileOn));
        var refused = Assert.Throws<ActivityRuleException>(() => activity.MoveTo(Cancelled, SummerDayWhileOn));
        Assert.Equal("Attendance has been recorded, so the activity happened and cannot be cancelled. Mark it as completed.", refused.Message);
        activity.MoveTo(Completed, SummerDayWhileOn);
    }

    [Theory]
    [InlineData(Completed)]
    [InlineData(Cancelled)]
    public void Update_AfterCompletedOrCancelled_IsRefused(ActivityStatus status)
    {
        var activity = SummerActivity(status);

        Assert.False(activity.CanChange);
        var refused = Assert.Throws<ActivityRuleException>(() => activity.Update("New title", activity.Type, activity.Description,
            new ActivitySchedule(activity.Date.AddDays(7), activity.StartTime, activity.EndTime, activity.SignUpClosesOn),
            new ActivityPlace(activity.Mode, activity.Venue, activity.AccessInformation, activity.JoiningInstructions),
            activity.Places, activity.LivedExperienceSought, activity.Rung, activity.IsPaid, activity.RequirementCode, AfterSummerDay));
        Assert.Equal($"An activity that is {Activity.Describe(status)} cannot be changed.", refused.Message);
        Assert.NotEqual("New title", activity.Title);
    }
}
