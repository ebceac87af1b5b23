using CoProduce.Web.Domain.Activities;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>
/// People with a place are reminded once for the activity's date, and again if it moves to another
/// date; never for a cancelled activity.
/// </summary>
public sealed class ReminderTests
{
    private const string Refused = "This person has already been reminded about this date, or has no place.";

    [Theory]
    [InlineData(SignUpStatus.Confirmed, ActivityStatus.Open, true)]
    [InlineData(SignUpStatus.Confirmed, ActivityStatus.Closed, true)]
    [InlineData(SignUpStatus.Confirmed, ActivityStatus.Cancelled, false)]
    [InlineData(SignUpStatus.Requested, ActivityStatus.Open, false)]
    [InlineData(SignUpStatus.WaitingList, ActivityStatus.Open, false)]
    [InlineData(SignUpStatus.Offered, ActivityStatus.Open, false)]
    [InlineData(SignUpStatus.Declined, ActivityStatus.Open, false)]
    [InlineData(SignUpStatus.Withdrawn, ActivityStatus.Open, false)]
    [InlineData(SignUpStatus.Invited, ActivityStatus.Open, false)]
    public void MarkReminderSent_OnlyForPeopleWithAPlace_OnAnActivityStillOn(SignUpStatus status, ActivityStatus activityStatus, bool sent)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, status);
        if (activityStatus != ActivityStatus.Open)
        {
            activity.MoveTo(activityStatus, SetUpUtc);
        }
        var now = SummerDayWhileOn.AddDays(-2);
        var before = Snapshot(activity);

        var refused = Record.Exception(() => activity.MarkReminderSent(signUp.Id, now));

        Assert.Equal(sent ? null : Refused, refused?.Message);
        if (sent)
        {
            Assert.Equal((SummerDay, now, now), (signUp.ReminderForDate, signUp.ReminderSentUtc, activity.UpdatedUtc));
        }
        else
        {
            Assert.Equal(before, Snapshot(activity));
        }
    }

    [Fact]
    public void MarkReminderSent_OncePerDate_AndAgainAfterTheDateChanges()
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, SignUpStatus.Confirmed);
        var first = SummerDayWhileOn.AddDays(-2);
        activity.MarkReminderSent(signUp.Id, first);

        var again = Assert.Throws<ActivityRuleException>(() => activity.MarkReminderSent(signUp.Id, first.AddHours(1)));
        Assert.Equal(Refused, again.Message);
        Assert.False(signUp.NeedsReminderFor(activity.Date));

        var aWeekLater = SummerDay.AddDays(7);
        var moved = activity.Update(activity.Title, activity.Type, activity.Description,
            new ActivitySchedule(aWeekLater, activity.StartTime, activity.EndTime, activity.SignUpClosesOn),
            new ActivityPlace(activity.Mode, activity.Venue, activity.AccessInformation, activity.JoiningInstructions),
            activity.Places, activity.LivedExperienceSought, activity.Rung, activity.IsPaid, activity.RequirementCode, first.AddDays(1));
        Assert.True(moved);
        Assert.True(signUp.NeedsReminderFor(aWeekLater));

        activity.MarkReminderSent(signUp.Id, first.AddDays(5));

        Assert.Equal((aWeekLater, first.AddDays(5)), (signUp.ReminderForDate, signUp.ReminderSentUtc));
        Assert.Throws<ActivityRuleException>(() => activity.MarkReminderSent(signUp.Id, first.AddDays(6)));
    }

    [Fact]
    public void Reminder_AfterWithdrawingAndBeingConfirmedAgain_IsSentAgain()
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, SignUpStatus.Confirmed);
        var first = SummerDayWhileOn.AddDays(-3);
        activity.MarkReminderSent(signUp.Id, first);

        activity.Withdraw(signUp.Id, first.AddHours(1));
        activity.RequestPlace(1, true, "Still keen", first.AddHours(2));
        activity.Confirm(signUp.Id, true, null, first.AddHours(3));

        Assert.Equal((null, null), (signUp.ReminderForDate, signUp.ReminderSentUtc));
        Assert.True(signUp.NeedsReminderFor(activity.Date));
        activity.MarkReminderSent(signUp.Id, first.AddHours(4));
        Assert.Equal(activity.Date, signUp.ReminderForDate);
    }
}
