using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.Payments.TestClaims;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>Attendance recorded again before the claim is sent: the draft follows the new fee, keeping what the claimant chose.</summary>
public sealed class ClaimFollowsAttendanceTests
{
    public static TheoryData<decimal?, string, decimal?, decimal?, decimal> Cases => new()
    {
        // fee before, what the claimant chose ("whole", "decline", or an amount), new fee, fee offered after, fee taken after
        { 40m, "whole", 50m, 50m, 50m },
        { 40m, "whole", 30m, 30m, 30m },
        { 40m, "whole", null, null, 0m },
        { null, "whole", 50m, 50m, 50m },
        { 40m, "decline", 50m, 50m, 0m },
        { 40m, "25", 50m, 50m, 25m },
        { 40m, "25", 20m, 20m, 20m },
        { 40m, "25", 25m, 25m, 25m },
        { 40m, "25", null, null, 0m },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheDraftFollowsTheNewFee(decimal? before, string chose, decimal? newFee, decimal? offeredAfter, decimal takenAfter)
    {
        var claim = Draft(before);
        claim.AddExpense(ExpenseCategory.Mileage, Pounds(4.50m), null, ClaimantUser, Now, miles: 10m);
        if (chose == "decline")
        {
            claim.DeclineFee(ClaimantUser, Now);
        }
        else if (chose != "whole")
        {
            claim.TakeFee(Pounds(decimal.Parse(chose, System.Globalization.CultureInfo.InvariantCulture)), ClaimantUser, Now);
        }

        var changed = claim.FollowAttendance(newFee is { } f ? Pounds(f) : null, "lead", Now.AddHours(1));

        Assert.True(changed);
        Assert.Equal(offeredAfter is { } o ? Pounds(o) : (Money?)null, claim.FeeOffered);
        Assert.Equal(Pounds(takenAfter), claim.FeeTaken);
        Assert.Equal(Pounds(takenAfter + 4.50m), claim.Total);
        Assert.Equal("lead", claim.AttendanceRecordedByUserId);
        Assert.Equal(ClaimStep.Changed, claim.LatestDecision.Step);
        Assert.Equal(ClaimStatus.Draft, claim.Status);
    }

    [Fact]
    public void TheSameFee_ByTheSamePerson_ChangesNothing()
    {
        var claim = Draft(40m);

        Assert.False(claim.FollowAttendance(Pounds(40m), Organiser, Now.AddHours(1)));
        Assert.Single(claim.Decisions);
    }

    [Fact]
    public void ItSaysWhatChanged()
    {
        var claim = Draft(40m);

        claim.FollowAttendance(null, Organiser, Now.AddHours(1));

        Assert.Equal("Attendance recorded again: the fee is now none, expenses only (was £40)", claim.LatestDecision.Note);
    }

    [Theory]
    [InlineData(ClaimStatus.Submitted)]
    [InlineData(ClaimStatus.Queried)]
    [InlineData(ClaimStatus.Approved)]
    [InlineData(ClaimStatus.Rejected)]
    [InlineData(ClaimStatus.Paid)]
    public void OnceSent_TheAttendanceIsFixed(ClaimStatus status)
    {
        var claim = InStatus(status);
        var decisions = claim.Decisions.Count;

        var refused = Assert.Throws<PaymentRuleException>(() => claim.FollowAttendance(Pounds(10m), Organiser, Now.AddDays(2)));

        Assert.Equal("This claim has been sent to finance, so the attendance it pays for can no longer change.", refused.Message);
        Assert.Equal(decisions, claim.Decisions.Count);
        Assert.True(claim.LocksAttendance);
    }

    [Fact]
    public void ANegativeFee_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Draft(40m).FollowAttendance(Pounds(-0.01m), Organiser, Now));
}
