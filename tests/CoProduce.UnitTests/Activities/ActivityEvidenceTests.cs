using CoProduce.Web.Domain.Activities;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>
/// An activity is recorded as evidence for its requirement once: when it is completed, linked to a
/// requirement, and someone with lived experience attended.
/// </summary>
public sealed class ActivityEvidenceTests
{
    private const string NotCompleted = "Only a completed activity can be recorded as evidence.";
    private const string NoRequirement = "Link the activity to one of the project's requirements first.";
    private const string NobodyAttended = "Record who attended first: evidence needs people with lived experience who took part.";
    private const string AlreadyRecorded = "This activity has already been recorded as evidence.";

    /// <summary>Two people have places; attendance is recorded on the day, then the activity moves on.</summary>
    private static Activity Built(ActivityStatus status, string? requirement, Attendance first, Attendance second)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var people = new[] { (InStatus(activity, 1, SignUpStatus.Confirmed), first), (InStatus(activity, 2, SignUpStatus.Confirmed), second) };
        activity.LinkToRequirement(requirement, SetUpUtc);
        foreach (var (signUp, attendance) in people.Where(p => p.Item2 != Attendance.NotRecorded))
        {
            activity.RecordAttendance(signUp.Id, attendance, attendance == Attendance.Attended ? new TimeGiven(120) : null, NoNotes, "organiser", SummerDayWhileOn);
        }
        if (status != ActivityStatus.Open)
        {
            activity.MoveTo(status, SummerDayWhileOn);
        }
        return activity;
    }

    public static TheoryData<ActivityStatus, string?, Attendance, Attendance, string?> Cases => new()
    {
        // status, requirement, two people's attendance, why it cannot be evidence (null: it can)
        { ActivityStatus.Completed, "R5", Attendance.Attended, Attendance.DidNotAttend, null },
        { ActivityStatus.Completed, "R5", Attendance.Attended, Attendance.Attended, null },
        { ActivityStatus.Completed, "R5", Attendance.NotRecorded, Attendance.Attended, null },
        { ActivityStatus.Open, "R5", Attendance.Attended, Attendance.Attended, NotCompleted },
        { ActivityStatus.Closed, "R5", Attendance.Attended, Attendance.Attended, NotCompleted },
        { ActivityStatus.Cancelled, "R5", Attendance.NotRecorded, Attendance.NotRecorded, NotCompleted },
        { ActivityStatus.Completed, null, Attendance.Attended, Attendance.Attended, NoRequirement },
        { ActivityStatus.Completed, " ", Attendance.Attended, Attendance.Attended, NoRequirement },
        { ActivityStatus.Completed, "R5", Attendance.NotRecorded, Attendance.NotRecorded, NobodyAttended },
        { ActivityStatus.Completed, "R5", Attendance.DidNotAttend, Attendance.CancelledByCouncil, NobodyAttended },
        // The first reason that applies is given.
        { ActivityStatus.Open, null, Attendance.NotRecorded, Attendance.NotRecorded, NotCompleted },
        { ActivityStatus.Completed, null, Attendance.DidNotAttend, Attendance.NotRecorded, NoRequirement },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhyNotEvidence_ForEachReason(ActivityStatus status, string? requirement, Attendance first, Attendance second, string? whyNot)
    {
        var activity = Built(status, requirement, first, second);
        var before = Snapshot(activity);

        Assert.Equal(whyNot, activity.WhyNotEvidence());
        // The same from the database's count of those who attended.
        Assert.Equal(whyNot, activity.WhyNotEvidence(activity.SignUps.Count(s => s.Attendance == Attendance.Attended)));
        Assert.Equal(whyNot is null, activity.CanRecordAsEvidence);
        var recordedAt = AfterSummerDay;
        var refused = Record.Exception(() => activity.MarkEvidenceRecorded(recordedAt));

        Assert.Equal(whyNot, refused?.Message);
        if (whyNot is null)
        {
            Assert.Equal((recordedAt, recordedAt), (activity.EvidenceRecordedUtc, activity.UpdatedUtc));
        }
        else
        {
            Assert.IsType<ActivityRuleException>(refused);
            Assert.Equal(before, Snapshot(activity));
        }
    }

    [Fact]
    public void OnceRecorded_ItCannotBeRecordedAgain()
    {
        var activity = Built(ActivityStatus.Completed, "R5", Attendance.Attended, Attendance.Attended);
        activity.MarkEvidenceRecorded(AfterSummerDay);

        var refused = Assert.Throws<ActivityRuleException>(() => activity.MarkEvidenceRecorded(AfterSummerDay.AddDays(1)));

        Assert.Equal(AlreadyRecorded, refused.Message);
        Assert.Equal((AlreadyRecorded, false), (activity.WhyNotEvidence(), activity.CanRecordAsEvidence));
        Assert.Equal(AfterSummerDay, activity.EvidenceRecordedUtc);
    }
}
