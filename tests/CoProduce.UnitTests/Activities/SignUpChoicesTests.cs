using CoProduce.Web.Domain.Activities;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>What the organiser can do with one sign-up, by its status and whether the activity is over.</summary>
public sealed class SignUpChoicesTests
{
    /// <summary>
    /// The sign-up on an activity with free places. When: "before" the day, "on" the day while it
    /// is on, "over" (past its end), "completed" (on the day) or "cancelled".
    /// </summary>
    private static (Activity Activity, SignUp SignUp, DateTime Now) Scenario(SignUpStatus status, string when)
    {
        var activity = SummerActivity(ActivityStatus.Open, places: 3);
        var signUp = InStatus(activity, 1, status);
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

    private static string Describe(SignUpChoices choices) => string.Join(", ", new[]
    {
        (choices.CanConfirm, "confirm"), (choices.CanWaitList, "wait-list"), (choices.CanOffer, "offer"),
        (choices.CanDecline, "decline"), (choices.CanRecordAttendance, "record attendance"),
    }.Where(c => c.Item1).Select(c => c.Item2));

    public static TheoryData<SignUpStatus, string, string> Cases => new()
    {
        // sign-up status, when, what the organiser can do
        { SignUpStatus.Requested, "before", "confirm, wait-list, decline" },
        { SignUpStatus.Requested, "on", "confirm, wait-list, decline" },
        { SignUpStatus.Requested, "over", "decline" },
        { SignUpStatus.Requested, "completed", "decline" },
        { SignUpStatus.Requested, "cancelled", "decline" },
        { SignUpStatus.WaitingList, "before", "confirm, offer, decline" },
        { SignUpStatus.WaitingList, "on", "confirm, offer, decline" },
        { SignUpStatus.WaitingList, "over", "decline" },
        { SignUpStatus.WaitingList, "cancelled", "decline" },
        { SignUpStatus.Offered, "before", "confirm, wait-list, decline" },
        { SignUpStatus.Offered, "on", "confirm, wait-list, decline" },
        { SignUpStatus.Offered, "over", "decline" },
        { SignUpStatus.Offered, "completed", "decline" },
        { SignUpStatus.Confirmed, "before", "" },
        { SignUpStatus.Confirmed, "on", "record attendance" },
        { SignUpStatus.Confirmed, "over", "record attendance" },
        { SignUpStatus.Confirmed, "completed", "record attendance" },
        { SignUpStatus.Confirmed, "cancelled", "" },
        { SignUpStatus.Declined, "before", "" },
        { SignUpStatus.Declined, "over", "" },
        { SignUpStatus.Withdrawn, "before", "" },
        { SignUpStatus.Withdrawn, "over", "" },
        { SignUpStatus.Invited, "before", "" },
        { SignUpStatus.Invited, "on", "" },
        { SignUpStatus.Invited, "over", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ChoicesFor_ByStatus_BeforeAndAfterTheActivityIsOver(SignUpStatus status, string when, string choices)
    {
        var (activity, signUp, now) = Scenario(status, when);

        Assert.Equal(choices, Describe(activity.ChoicesFor(signUp, now)));
    }

    /// <summary>A page that reads a page of sign-ups gives the number offered a place from the database: the same choices.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void ChoicesFor_WithTheOfferedCountGiven_SameAsWithEverySignUp(SignUpStatus status, string when, string choices)
    {
        var (activity, signUp, now) = Scenario(status, when);

        Assert.Equal(choices, Describe(activity.ChoicesFor(signUp, activity.SignUps.Count(s => s.Status == SignUpStatus.Offered), now)));
        Assert.Equal(activity.AllowedMoves(now), activity.AllowedMoves(now, activity.SignUps.Any(s => s.Attendance != Attendance.NotRecorded)));
    }

    /// <summary>A page shows only what the activity would then allow: each choice is offered exactly when the change succeeds.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void ChoicesFor_AgreeWithWhatTheActivityAllows(SignUpStatus status, string when, string choices)
    {
        var offered = choices.Split(", ", StringSplitOptions.RemoveEmptyEntries);
        var changes = new Dictionary<string, Action<Activity, int, DateTime>>
        {
            ["confirm"] = (activity, id, now) => activity.Confirm(id, true, null, now),
            ["wait-list"] = (activity, id, now) => activity.WaitList(id, now),
            ["offer"] = (activity, id, now) => activity.OfferPlace(id, true, now),
            ["decline"] = (activity, id, now) => activity.Decline(id, "Thank you. This one is for carers.", now),
            ["record attendance"] = (activity, id, now) => activity.RecordAttendance(id, Attendance.Attended, new TimeGiven(120), NoNotes, "organiser", now),
        };

        foreach (var (choice, change) in changes)
        {
            var (activity, signUp, now) = Scenario(status, when);
            var refused = Record.Exception(() => change(activity, signUp.Id, now));
            Assert.True(offered.Contains(choice) == refused is null, $"{choice}: offered {offered.Contains(choice)}, but {refused?.Message ?? "it succeeded"}");
        }
    }

    [Fact]
    public void Offer_OnlyWhileAFreePlaceIsNotHeldForSomeoneElse()
    {
        var activity = SummerActivity(ActivityStatus.Open, places: 2);
        InStatus(activity, 1, SignUpStatus.Confirmed);
        var first = InStatus(activity, 2, SignUpStatus.WaitingList);
        var second = InStatus(activity, 3, SignUpStatus.WaitingList);
        Assert.True(activity.ChoicesFor(first, BeforeSummerDay).CanOffer);

        activity.OfferPlace(first.Id, true, BeforeSummerDay);

        Assert.False(activity.ChoicesFor(second, BeforeSummerDay).CanOffer);
        var refused = Assert.Throws<ActivityRuleException>(() => activity.OfferPlace(second.Id, true, BeforeSummerDay));
        Assert.Equal("There is no free place to offer.", refused.Message);
    }

    [Fact]
    public void CanConfirm_OnlyWhileAPlaceIsFreeForThem()
    {
        var activity = SummerActivity(ActivityStatus.Open, places: 2);
        var first = InStatus(activity, 1, SignUpStatus.Confirmed);
        var offered = InStatus(activity, 2, SignUpStatus.Offered);
        var asking = InStatus(activity, 3, SignUpStatus.Requested);

        // The one free place is held for the person it was offered to: only they can have it.
        Assert.True(activity.ChoicesFor(offered, BeforeSummerDay).CanConfirm);
        Assert.False(activity.ChoicesFor(asking, BeforeSummerDay).CanConfirm);
        Assert.Throws<ActivityRuleException>(() => activity.Confirm(asking.Id, true, null, BeforeSummerDay));

        activity.Withdraw(offered.Id, BeforeSummerDay);
        Assert.True(activity.ChoicesFor(asking, BeforeSummerDay).CanConfirm);
        activity.Confirm(asking.Id, true, null, BeforeSummerDay);
        Assert.Equal(SignUpStatus.Confirmed, first.Status);
        Assert.False(activity.ChoicesFor(InStatus(activity, 4, SignUpStatus.Requested), BeforeSummerDay).CanConfirm); // full
    }
}
