using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>
/// The fee is fixed for a person when their place is confirmed, from the activity's rate item in
/// force on the activity's date, and a later change to the rate card never changes it.
/// </summary>
public sealed class ActivityFeeTests
{
    private const int RateItemId = 7;

    /// <summary>An hourly rate item with the id the database would give it, first version from the set-up day.</summary>
    private static RateItem HourlyItem(decimal pounds = 25m, bool travel = true)
    {
        var item = new RateCard([]).NewItem("Workshop, per hour", ActivityType.Workshop, RateKind.PerHour,
            new RateTerms(Money.FromPounds(pounds), PaysTravel: travel), DateOnly.FromDateTime(SetUpUtc), "lead", SetUpUtc);
        typeof(RateItem).GetProperty(nameof(RateItem.Id))!.SetValue(item, RateItemId);
        return item;
    }

    private static Activity PaidActivity()
    {
        var activity = Open(SummerDay);
        activity.PayBy(RateItemId, SetUpUtc);
        return activity;
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(RateItemId, true)]
    public void PayBy_MakesTheActivityPaidExactlyWhenItHasARateItem(int? rateItemId, bool paid)
    {
        var activity = Open(SummerDay);
        activity.PayBy(rateItemId, SetUpUtc);
        Assert.Equal(paid, activity.IsPaid);
        Assert.Equal(rateItemId, activity.RateItemId);
    }

    [Fact]
    public void Confirm_OnAPaidActivity_FixesTheFeeFromTheRateOnItsDay()
    {
        var activity = PaidActivity();
        var signUp = Request(activity, 1);

        activity.Confirm(signUp.Id, true, HourlyItem().FixFee(activity.Date), SetUpUtc);

        Assert.Equal(new FixedFee(RateItemId, 1, RateKind.PerHour, Money.FromPounds(25m), false, true), signUp.FixedFee);
        Assert.Equal("£25 an hour, including travel time", signUp.FixedFee!.Describe());
    }

    [Fact]
    public void AcceptOffer_FixesTheFee_AsAConfirmationDoes()
    {
        var activity = PaidActivity();
        var signUp = InStatus(activity, 1, SignUpStatus.Offered);

        activity.AcceptOffer(signUp.Id, true, HourlyItem().FixFee(activity.Date), SetUpUtc);

        Assert.Equal(SignUpStatus.Confirmed, signUp.Status);
        Assert.Equal(Money.FromPounds(25m), signUp.FixedFee!.Amount);
    }

    [Fact]
    public void Confirm_OnAnUnpaidActivity_FixesNoFee()
    {
        var activity = Open(SummerDay);
        activity.PayBy(null, SetUpUtc);
        var signUp = Request(activity, 1);

        activity.Confirm(signUp.Id, true, null, SetUpUtc);

        Assert.Null(signUp.FixedFee);
    }

    public static TheoryData<int?, int?> FeesNotOfTheActivity() => new()
    {
        // The activity's rate item, and the rate item of the fee given.
        { null, RateItemId },
        { RateItemId, null },
        { RateItemId, RateItemId + 1 },
    };

    [Theory]
    [MemberData(nameof(FeesNotOfTheActivity))]
    public void Confirm_WithAFeeNotFromTheActivitysRate_IsRefusedAndChangesNothing(int? activityRate, int? feeRate)
    {
        var activity = Open(SummerDay);
        activity.PayBy(activityRate, SetUpUtc);
        var signUp = Request(activity, 1);
        var fee = feeRate is { } id ? new FixedFee(id, 1, RateKind.PerSession, Money.FromPounds(75m), false, false) : null;

        Assert.Throws<ArgumentException>(() => activity.Confirm(signUp.Id, true, fee, SetUpUtc));
        Assert.Equal(SignUpStatus.Requested, signUp.Status);
        Assert.Equal(0, activity.ConfirmedCount);
    }

    /// <summary>
    /// A new version added after a confirmation: the confirmed person keeps their fee; someone
    /// confirmed afterwards gets the version in force on the activity's date.
    /// </summary>
    [Theory]
    // New amount, takes effect (days after set-up), amount for the person confirmed later.
    [InlineData(30, 1, 30)]         // in force before the activity: later confirmations get it
    [InlineData(30, 164, 30)]       // takes effect on the activity's day itself (15 June 2027)
    [InlineData(30, 165, 25)]       // takes effect the day after the activity: the old rate applies
    [InlineData(20.70, 10, 20.70)]  // a lower rate
    public void ConfirmedFee_IsKept_WhenANewRateVersionIsAddedLater(decimal newPounds, int daysLater, decimal laterPersonPounds)
    {
        var item = HourlyItem();
        var activity = PaidActivity();
        var first = Request(activity, 1);
        var second = Request(activity, 2);
        activity.Confirm(first.Id, true, item.FixFee(activity.Date), SetUpUtc);

        item.AddVersion(new RateTerms(Money.FromPounds(newPounds)), DateOnly.FromDateTime(SetUpUtc).AddDays(daysLater), "lead", SetUpUtc.AddHours(1));
        activity.Confirm(second.Id, true, item.FixFee(activity.Date), SetUpUtc.AddHours(2));

        Assert.Equal(Money.FromPounds(25m), first.FixedFee!.Amount);
        Assert.Equal(1, first.FixedFee.RateVersion);
        Assert.True(first.FixedFee.PaysTravel);
        Assert.Equal(Money.FromPounds(laterPersonPounds), second.FixedFee!.Amount);
    }
}
