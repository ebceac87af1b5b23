using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.Payments.TestClaims;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// A correction: a new claim for the difference, linked to the approved claim it puts right, so
/// that the claims for an attendance always add up to what the person is owed.
/// </summary>
public sealed class ClaimCorrectionTests
{
    public static TheoryData<ClaimStatus, string?> OriginalStatusCases => new()
    {
        { ClaimStatus.Draft, "Only an approved claim is corrected with a new claim. Until then, finance can query it and it can be changed." },
        { ClaimStatus.Submitted, "Only an approved claim is corrected with a new claim. Until then, finance can query it and it can be changed." },
        { ClaimStatus.Queried, "Only an approved claim is corrected with a new claim. Until then, finance can query it and it can be changed." },
        { ClaimStatus.AwaitingSecondApproval, "Only an approved claim is corrected with a new claim. Until then, finance can query it and it can be changed." },
        { ClaimStatus.Rejected, "A rejected claim pays nothing, so there is nothing to correct." },
        { ClaimStatus.Approved, null },
        { ClaimStatus.Batched, null },
        { ClaimStatus.Paid, null },
    };

    [Theory]
    [MemberData(nameof(OriginalStatusCases))]
    public void OnlyAnApprovedClaim_IsCorrected(ClaimStatus status, string? whyRefused)
    {
        var original = InStatus(status).Saved(5);
        var decisionsBefore = original.Decisions.Count;

        var refused = Record.Exception(() => Claim.Correcting(original, Pounds(-10m), "Left at noon", Finance1, Now.AddDays(2)));

        Assert.Equal(whyRefused, refused?.Message);
        Assert.Equal(status, original.Status);
        Assert.Equal(decisionsBefore, original.Decisions.Count);
    }

    [Fact]
    public void ACorrection_IsADraftForTheDifference_LinkedToTheOriginal()
    {
        var original = Approved(fee: 60m, method: ClaimPaymentMethod.Voucher, id: 5);

        var correction = Claim.Correcting(original, Pounds(-20m), "  Left at noon, so half a day  ", Finance1, Now.AddDays(2));

        Assert.Equal((ClaimStatus.Draft, ClaimOrigin.Correction, 5), (correction.Status, correction.Origin, correction.CorrectsClaimId));
        Assert.Equal((original.ExpertProfileId, original.ActivityId, original.SignUpId, original.AttendanceRecordedByUserId),
            (correction.ExpertProfileId, correction.ActivityId, correction.SignUpId, correction.AttendanceRecordedByUserId));
        Assert.Equal(ClaimPaymentMethod.Voucher, correction.PaymentMethod);
        Assert.Equal(Pounds(-20m), correction.Total);
        Assert.Equal(Pounds(40m), original.Total + correction.Total);
        Assert.Equal((ClaimStep.Created, Finance1, "Left at noon, so half a day"), (correction.LatestDecision.Step, correction.LatestDecision.ByUserId, correction.LatestDecision.Note));
        Assert.False(correction.FeeDeclined);
    }

    [Fact]
    public void ACorrection_NeedsAReason_AndASavedOriginal()
    {
        var refused = Assert.Throws<PaymentRuleException>(() => Claim.Correcting(Approved(id: 5), Pounds(5m), " ", Finance1, Now));

        Assert.Equal("Give the reason for the correction.", refused.Message);
        Assert.Throws<ArgumentException>(() => Claim.Correcting(Approved(id: 0), Pounds(5m), "Reason", Finance1, Now));
    }

    public static TheoryData<decimal, string?> CorrectionExpenseCases => new()
    {
        // an expense difference, why refused (null: added)
        { -3.20m, null },
        { -0.01m, null },
        { 0m, "An expense on a correction is a difference, so it cannot be £0." },
        { 0.01m, null },
        { 12m, null },
    };

    [Theory]
    [MemberData(nameof(CorrectionExpenseCases))]
    public void ACorrectionsExpenses_AreDifferences_EitherWay(decimal amount, string? whyRefused)
    {
        var correction = Claim.Correcting(Approved(id: 5), Money.Zero, "Bus fare was a single", Finance1, Now);

        var refused = Record.Exception(() => correction.AddExpense(ExpenseCategory.PublicTransport, Pounds(amount), null, Finance1, Now));

        Assert.Equal(whyRefused, refused?.Message);
        Assert.Equal(whyRefused is null ? Pounds(amount) : Money.Zero, correction.Total);
    }

    [Fact]
    public void ACorrectionsFeeDifference_IsNotTakenOrDeclined()
    {
        var correction = Claim.Correcting(Approved(id: 5), Pounds(10m), "Stayed an hour longer", Finance1, Now);

        var refused = Assert.Throws<PaymentRuleException>(() => correction.DeclineFee(ClaimantUser, Now));

        Assert.Equal("A correction's fee difference is set when the correction is made.", refused.Message);
        Assert.Equal(Pounds(10m), correction.Total);
    }

    public static TheoryData<decimal, ClaimPaymentMethod, string?> CorrectionSubmitCases => new()
    {
        // fee difference, payment method, why refused (null: sent)
        { 0m, ClaimPaymentMethod.BankTransfer, "This correction changes nothing yet: add the difference before you send it." },
        { -0.01m, ClaimPaymentMethod.None, null },
        { -20m, ClaimPaymentMethod.BankTransfer, null },
        { 0.01m, ClaimPaymentMethod.BankTransfer, null },
        { 0.01m, ClaimPaymentMethod.None, "Choose how you want to be paid before you send this claim." },
    };

    [Theory]
    [MemberData(nameof(CorrectionSubmitCases))]
    public void ACorrection_IsSentWhenItChangesSomething(decimal difference, ClaimPaymentMethod method, string? whyRefused)
    {
        var correction = Claim.Correcting(Approved(id: 5, method: method == ClaimPaymentMethod.None ? ClaimPaymentMethod.BankTransfer : method), Pounds(difference), "Reason", Finance1, Now);
        if (method == ClaimPaymentMethod.None)
        {
            correction.ChoosePaymentMethod(ClaimPaymentMethod.None, Finance1, Now);
        }

        var refused = Record.Exception(() => correction.Submit(Finance1, Now));

        Assert.Equal(whyRefused, refused?.Message);
    }

    [Fact]
    public void ACorrection_IsApprovedLikeAnyClaim_ButNotByWhoeverMadeIt()
    {
        var correction = Claim.Correcting(Approved(id: 5), Pounds(-20m), "Left at noon", Finance1, Now);
        correction.Submit(Finance1, Now);

        var refused = Assert.Throws<PaymentRuleException>(() => correction.Approve(FirstApprover, Rules, Now));
        correction.Approve(SecondApprover, Rules, Now);

        Assert.Equal("You created this claim, so another finance officer must approve it.", refused.Message);
        Assert.Equal(ClaimStatus.Approved, correction.Status);
        Assert.True(correction.IsOwedBack);
    }
}
