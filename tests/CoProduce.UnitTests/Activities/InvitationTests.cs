using CoProduce.Web.Domain.Activities;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>
/// The organiser invites someone from the roster. An invitation holds no place: the person
/// accepts (and then waits for a place like anyone who asked) or declines.
/// </summary>
public sealed class InvitationTests
{
    public static TheoryData<ActivityStatus, string, bool> WhenCases => new()
    {
        // activity status, now (UTC; the activity is 09:00–11:00 UTC on 15 June 2027), whether people can be invited
        { ActivityStatus.Draft, "2027-06-14T12:00:00Z", false },
        { ActivityStatus.Open, "2027-06-14T12:00:00Z", true },
        { ActivityStatus.Open, "2027-06-15T10:59:59Z", true },
        { ActivityStatus.Open, "2027-06-15T11:00:00Z", false },
        { ActivityStatus.Closed, "2027-06-14T12:00:00Z", true },
        { ActivityStatus.Closed, "2027-06-16T12:00:00Z", false },
        { ActivityStatus.Completed, "2027-06-15T09:30:00Z", false },
        { ActivityStatus.Cancelled, "2027-06-14T12:00:00Z", false },
    };

    [Theory]
    [MemberData(nameof(WhenCases))]
    public void Invite_ToAnOpenOrClosedActivityThatIsNotOver(ActivityStatus status, string now, bool allowed)
    {
        var activity = SummerActivity(status);
        var before = Snapshot(activity);

        var refused = Record.Exception(() => activity.Invite(1, true, Utc(now)));

        Assert.Equal(allowed ? null : "People can be invited to an open or closed activity that has not happened yet.", refused?.Message);
        if (allowed)
        {
            var invited = Assert.Single(activity.SignUps);
            Assert.Equal((1, SignUpStatus.Invited, string.Empty, Utc(now)), (invited.ExpertProfileId, invited.Status, invited.WhatWouldHelp, invited.RequestedUtc));
        }
        else
        {
            Assert.Equal(before, Snapshot(activity));
        }
    }

    [Theory]
    [InlineData(SignUpStatus.Requested, "This person has already signed up for this activity.")]
    [InlineData(SignUpStatus.Confirmed, "This person has already signed up for this activity.")]
    [InlineData(SignUpStatus.WaitingList, "This person has already signed up for this activity.")]
    [InlineData(SignUpStatus.Offered, "This person has already signed up for this activity.")]
    [InlineData(SignUpStatus.Invited, "This person has already been invited.")]
    public void Invite_SomeoneAlreadySignedUpOrInvited_IsRefused(SignUpStatus status, string message)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        InStatus(activity, 1, status);
        var before = Snapshot(activity);

        var refused = Assert.Throws<ActivityRuleException>(() => activity.Invite(1, true, BeforeSummerDay));

        Assert.Equal(message, refused.Message);
        Assert.Equal(before, Snapshot(activity));
    }

    [Theory]
    [InlineData(SignUpStatus.Withdrawn)]
    [InlineData(SignUpStatus.Declined)]
    public void Invite_SomeoneWhoGaveUpOrWasTurnedDown_RenewsTheirSignUp(SignUpStatus status)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var earlier = InStatus(activity, 1, status);

        var invited = activity.Invite(1, true, BeforeSummerDay);

        Assert.Same(earlier, invited);
        Assert.Single(activity.SignUps);
        Assert.Equal((SignUpStatus.Invited, string.Empty, (string?)null, BeforeSummerDay), (invited.Status, invited.WhatWouldHelp, invited.DeclineMessage, invited.RequestedUtc));
    }

    [Fact]
    public void AnInvitation_HoldsNoPlace()
    {
        var activity = SummerActivity(ActivityStatus.Open, places: 1);
        var invited = Invite(activity, 1);
        var asked = Request(activity, 2);

        Assert.Equal((0, 1), (activity.ConfirmedCount, activity.FreePlaces));
        var refused = Assert.Throws<ActivityRuleException>(() => activity.Confirm(invited.Id, true, null, BeforeSummerDay));
        Assert.Equal("Only someone who has asked for a place can be given one.", refused.Message);

        activity.Confirm(asked.Id, true, null, BeforeSummerDay);

        Assert.Equal((1, 0, SignUpStatus.Invited), (activity.ConfirmedCount, activity.FreePlaces, invited.Status));
    }

    [Theory]
    [InlineData(ActivityStatus.Open)]
    [InlineData(ActivityStatus.Closed)]
    public void AcceptInvitation_TheyThenWaitForAPlace(ActivityStatus status)
    {
        var activity = SummerActivity(ActivityStatus.Open, places: 1);
        var invited = Invite(activity, 1);
        if (status == ActivityStatus.Closed)
        {
            // Sign-up has closed, but an invitation can still be taken up.
            activity.MoveTo(ActivityStatus.Closed, SetUpUtc);
        }

        activity.AcceptInvitation(invited.Id, true, "Step-free access", BeforeSummerDay);

        Assert.Equal((SignUpStatus.Requested, "Step-free access", BeforeSummerDay), (invited.Status, invited.WhatWouldHelp, invited.RequestedUtc));
        Assert.Equal((0, BeforeSummerDay), (activity.ConfirmedCount, activity.UpdatedUtc));
        activity.Confirm(invited.Id, true, null, BeforeSummerDay);
        Assert.Equal((SignUpStatus.Confirmed, 1), (invited.Status, activity.ConfirmedCount));
    }

    [Theory]
    [InlineData("over")]
    [InlineData("completed")]
    [InlineData("cancelled")]
    public void AcceptInvitation_NotOnceTheActivityIsOver(string when)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var invited = Invite(activity, 1);
        var now = SummerDayOver;
        if (when == "completed")
        {
            activity.MoveTo(ActivityStatus.Completed, SummerDayWhileOn);
            now = SummerDayWhileOn;
        }
        else if (when == "cancelled")
        {
            activity.MoveTo(ActivityStatus.Cancelled, SetUpUtc);
            now = BeforeSummerDay;
        }
        var before = Snapshot(activity);

        var refused = Assert.Throws<ActivityRuleException>(() => activity.AcceptInvitation(invited.Id, true, "", now));

        Assert.Equal("An invitation cannot be accepted once the activity is over.", refused.Message);
        Assert.Equal(before, Snapshot(activity));
    }

    [Fact]
    public void DeclineInvitation_WithdrawsIt_AndTheyCanBeInvitedAgain()
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var invited = Invite(activity, 1);

        activity.DeclineInvitation(invited.Id, BeforeSummerDay);

        Assert.Equal((SignUpStatus.Withdrawn, BeforeSummerDay), (invited.Status, activity.UpdatedUtc));
        Assert.Same(invited, activity.Invite(1, true, BeforeSummerDay.AddHours(1)));
        Assert.Equal(SignUpStatus.Invited, invited.Status);
    }

    [Theory]
    [InlineData(SignUpStatus.Requested)]
    [InlineData(SignUpStatus.Confirmed)]
    [InlineData(SignUpStatus.WaitingList)]
    [InlineData(SignUpStatus.Offered)]
    [InlineData(SignUpStatus.Declined)]
    [InlineData(SignUpStatus.Withdrawn)]
    public void AnsweringAnInvitation_OnlyWhenThereIsOne(SignUpStatus status)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        var signUp = InStatus(activity, 1, status);
        var before = Snapshot(activity);

        var accepting = Assert.Throws<ActivityRuleException>(() => activity.AcceptInvitation(signUp.Id, true, "", BeforeSummerDay));
        var declining = Assert.Throws<ActivityRuleException>(() => activity.DeclineInvitation(signUp.Id, BeforeSummerDay));

        Assert.All([accepting.Message, declining.Message], m => Assert.Equal("There is no invitation to answer on this activity.", m));
        Assert.Equal(before, Snapshot(activity));
    }

    [Fact]
    public void RequestPlace_WhenInvited_SaysToAcceptTheInvitation()
    {
        var activity = SummerActivity(ActivityStatus.Open);
        Invite(activity, 1);
        var before = Snapshot(activity);

        var refused = Assert.Throws<ActivityRuleException>(() => activity.RequestPlace(1, true, "A quiet room", BeforeSummerDay));

        Assert.Equal("You have been invited to this activity. Accept the invitation instead.", refused.Message);
        Assert.Equal(before, Snapshot(activity));
    }
}
