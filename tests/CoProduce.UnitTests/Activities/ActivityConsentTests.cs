using CoProduce.Web.Domain.Activities;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>
/// Nobody takes part without consent to be on the roster: asking for a place, being given or
/// offered one, taking one up, being invited and accepting an invitation all need it. A refusal
/// changes nothing.
/// </summary>
public sealed class ActivityConsentTests
{
    public static TheoryData<string, SignUpStatus?, string> Cases => new()
    {
        // what is done, the person's sign-up before (none: they have none), what they cannot do
        { nameof(Activity.RequestPlace), null, "ask for a place" },
        { nameof(Activity.RequestPlace), SignUpStatus.Withdrawn, "ask for a place" },
        { nameof(Activity.RequestPlace), SignUpStatus.Declined, "ask for a place" },
        { nameof(Activity.Confirm), SignUpStatus.Requested, "be given a place" },
        { nameof(Activity.Confirm), SignUpStatus.WaitingList, "be given a place" },
        { nameof(Activity.Confirm), SignUpStatus.Offered, "be given a place" },
        { nameof(Activity.OfferPlace), SignUpStatus.WaitingList, "be offered a place" },
        { nameof(Activity.AcceptOffer), SignUpStatus.Offered, "take up a place" },
        { nameof(Activity.Invite), null, "be invited" },
        { nameof(Activity.Invite), SignUpStatus.Withdrawn, "be invited" },
        { nameof(Activity.Invite), SignUpStatus.Declined, "be invited" },
        { nameof(Activity.AcceptInvitation), SignUpStatus.Invited, "accept an invitation" },
    };

    private static void Do(Activity activity, string change, bool personHasConsent)
    {
        var now = SetUpUtc.AddHours(1);
        switch (change)
        {
            case nameof(Activity.RequestPlace):
                activity.RequestPlace(1, personHasConsent, "A quiet room", now);
                break;
            case nameof(Activity.Confirm):
                activity.Confirm(1, personHasConsent, null, now);
                break;
            case nameof(Activity.OfferPlace):
                activity.OfferPlace(1, personHasConsent, now);
                break;
            case nameof(Activity.AcceptOffer):
                activity.AcceptOffer(1, personHasConsent, null, now);
                break;
            case nameof(Activity.Invite):
                activity.Invite(1, personHasConsent, now);
                break;
            case nameof(Activity.AcceptInvitation):
                activity.AcceptInvitation(1, personHasConsent, "Step-free access", now);
                break;
            default:
                throw new ArgumentException($"Unknown change {change}", nameof(change));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WithoutConsent_IsRefused_AndNothingChanges(string change, SignUpStatus? before, string cannot)
    {
        var activity = SummerActivity(ActivityStatus.Open);
        if (before is { } status)
        {
            InStatus(activity, 1, status);
        }
        var snapshot = Snapshot(activity);

        var refused = Assert.Throws<ActivityRuleException>(() => Do(activity, change, personHasConsent: false));

        Assert.Equal($"This person has not given consent to be on the roster (or has withdrawn it), so they cannot {cannot}. They can give consent on their profile.", refused.Message);
        Assert.Equal(snapshot, Snapshot(activity));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WithConsent_TheSameChangeIsMade(string change, SignUpStatus? before, string cannot)
    {
        _ = cannot;
        var activity = SummerActivity(ActivityStatus.Open);
        if (before is { } status)
        {
            InStatus(activity, 1, status);
        }
        var snapshot = Snapshot(activity);

        Do(activity, change, personHasConsent: true);

        Assert.NotEqual(snapshot, Snapshot(activity));
    }
}
