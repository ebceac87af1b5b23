using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>How a claim starts from attendance: the fee (or expenses only), how it is paid, and who may help with it.</summary>
public sealed class ClaimRulesTests
{
    private static readonly FixedFee TwentyFiveAnHour = new(1, 1, RateKind.PerHour, Pounds(25m), PaysPreparation: false, PaysTravel: false);

    [Theory]
    [InlineData(Attendance.Attended, true)]
    [InlineData(Attendance.CancelledByCouncil, true)]
    [InlineData(Attendance.DidNotAttend, false)]
    [InlineData(Attendance.NotRecorded, false)]
    public void AClaimIsMade_ForSomeoneWhoCame_OrWhomTheCouncilCancelledOnLate(Attendance attendance, bool makesClaim) =>
        Assert.Equal(makesClaim, ClaimRules.MakesClaim(attendance));

    public static TheoryData<Attendance, bool, PaymentPreference?, decimal?> FeeCases => new()
    {
        // attendance, fee fixed at confirmation, how they like to be paid, fee on the claim (null: expenses only)
        { Attendance.Attended, true, PaymentPreference.BankTransfer, 62.50m },
        { Attendance.Attended, true, PaymentPreference.Voucher, 62.50m },
        { Attendance.Attended, true, null, 62.50m },
        { Attendance.Attended, true, PaymentPreference.NoPayment, null },
        { Attendance.Attended, false, PaymentPreference.BankTransfer, null },
        { Attendance.CancelledByCouncil, true, PaymentPreference.BankTransfer, null },
        { Attendance.DidNotAttend, true, PaymentPreference.BankTransfer, null },
    };

    [Theory]
    [MemberData(nameof(FeeCases))]
    public void TheFee_IsTheFixedFeeForTheTimeGiven_UnlessExpensesOnly(Attendance attendance, bool hasFee, PaymentPreference? preference, decimal? expected)
    {
        var time = attendance == Attendance.Attended ? new TimeGiven(150) : null;

        var fee = ClaimRules.FeeFor(attendance, hasFee ? TwentyFiveAnHour : null, time, preference);

        Assert.Equal(expected is { } pounds ? Pounds(pounds) : (Money?)null, fee);
    }

    [Theory]
    [InlineData(PaymentPreference.BankTransfer, ClaimPaymentMethod.BankTransfer)]
    [InlineData(PaymentPreference.Voucher, ClaimPaymentMethod.Voucher)]
    [InlineData(PaymentPreference.NoPayment, ClaimPaymentMethod.None)]
    [InlineData(null, ClaimPaymentMethod.None)]
    public void HowItIsPaid_StartsFromTheirChoice(PaymentPreference? preference, ClaimPaymentMethod method) =>
        Assert.Equal(method, ClaimRules.PaymentMethodFor(preference));

    [Theory]
    [InlineData(ClaimOrigin.MadeOnBehalf, true, true)]
    [InlineData(ClaimOrigin.MadeOnBehalf, false, true)]
    [InlineData(ClaimOrigin.AttendanceRecorded, false, true)]
    [InlineData(ClaimOrigin.AttendanceRecorded, true, false)]
    [InlineData(ClaimOrigin.Correction, true, false)]
    [InlineData(ClaimOrigin.Correction, false, true)]
    public void AnOrganiserHelps_WithClaimsTheyMade_OrForSomeoneWithNoEmail(ClaimOrigin origin, bool claimantHasEmail, bool mayAct) =>
        Assert.Equal(mayAct, ClaimRules.OrganiserMayActFor(origin, claimantHasEmail));

    [Theory]
    [InlineData(SignUpStatus.Confirmed, Attendance.Attended, false, null)]
    [InlineData(SignUpStatus.Confirmed, Attendance.CancelledByCouncil, false, null)]
    [InlineData(SignUpStatus.Confirmed, Attendance.NotRecorded, false, "Record that they took part")]
    [InlineData(SignUpStatus.Confirmed, Attendance.DidNotAttend, false, "Record that they took part")]
    [InlineData(SignUpStatus.Confirmed, Attendance.Attended, true, "They have an email address")]
    [InlineData(SignUpStatus.Requested, Attendance.NotRecorded, false, "someone who had a place")]
    [InlineData(SignUpStatus.Withdrawn, Attendance.NotRecorded, false, "someone who had a place")]
    [InlineData(SignUpStatus.WaitingList, Attendance.NotRecorded, true, "someone who had a place")]
    public void AClaimOnSomeonesBehalf_NeedsAPlace_TimeGivenOrACancellation_AndNoEmail(SignUpStatus status, Attendance attendance, bool hasEmail, string? refusal)
    {
        var why = ClaimRules.WhyNoClaimOnBehalf(status, attendance, hasEmail);
        if (refusal is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(refusal, why, StringComparison.Ordinal);
        }
    }
}
