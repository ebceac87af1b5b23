using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.Payments.TestClaims;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// A claim: made as a draft from the fixed fee (or with none), changed by the claimant, sent to
/// finance, approved, rejected or queried, and never changed once approved.
/// </summary>
public sealed class ClaimTests
{
    [Fact]
    public void ForCancellation_IsAnExpensesOnlyDraft_ThatCanBeSentOnceItHasAnExpense()
    {
        var claim = Claim.ForCancellation(new ClaimAttendance(ClaimantProfileId, 3, 11, Organiser), ClaimPaymentMethod.BankTransfer, Organiser, Now);

        Assert.Equal((ClaimStatus.Draft, ClaimOrigin.CancelledByCouncil, (Money?)null, Money.Zero), (claim.Status, claim.Origin, claim.FeeOffered, claim.Total));
        Assert.Equal("Made when the council cancelled the activity: expenses only", Assert.Single(claim.Decisions).Note);
        Assert.Throws<PaymentRuleException>(() => claim.TakeFee(Pounds(1m), ClaimantUser, Now));
        Assert.Throws<PaymentRuleException>(() => claim.Submit(ClaimantUser, Now));
        claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(4.60m), new Receipt("ticket", "ticket.jpg"), ClaimantUser, Now);
        claim.Submit(ClaimantUser, Now);
        Assert.Equal((ClaimStatus.Submitted, Pounds(4.60m)), (claim.Status, claim.Total));
    }

    [Fact]
    public void FromAttendance_IsADraftTakingTheWholeFee()
    {
        var claim = Draft(fee: 40m);

        Assert.Equal(ClaimStatus.Draft, claim.Status);
        Assert.Equal(ClaimOrigin.AttendanceRecorded, claim.Origin);
        Assert.Equal((ClaimantProfileId, 3, 11, Organiser), (claim.ExpertProfileId, claim.ActivityId, claim.SignUpId, claim.AttendanceRecordedByUserId));
        Assert.Equal(Organiser, claim.CreatedByUserId);
        Assert.Equal(Pounds(40m), claim.FeeOffered);
        Assert.Equal(Pounds(40m), claim.FeeTaken);
        Assert.Equal(Pounds(40m), claim.Total);
        Assert.False(claim.LocksAttendance);
        var created = Assert.Single(claim.Decisions);
        Assert.Equal((1, ClaimStep.Created, Organiser, Now, Pounds(40m), "Made when attendance was recorded"),
            (created.Number, created.Step, created.ByUserId, created.AtUtc, created.Total, created.Note));
    }

    [Fact]
    public void OnBehalf_SaysSo()
    {
        var claim = Claim.OnBehalf(Attendance(), null, ClaimPaymentMethod.Voucher, "helper", Now);

        Assert.Equal(ClaimOrigin.MadeOnBehalf, claim.Origin);
        Assert.Equal("helper", claim.CreatedByUserId);
        Assert.Equal("Made on the claimant's behalf", claim.LatestDecision.Note);
        Assert.Null(claim.FeeOffered);
        Assert.Equal(Money.Zero, claim.Total);
    }

    [Fact]
    public void ANegativeFee_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Draft(fee: -0.01m));
    }

    public static TheoryData<decimal, string?> FeeTakenCases => new()
    {
        // amount taken of a £40 fee, why refused (null: taken)
        { -0.01m, "The fee you take must be £0 or more." },
        { 0m, null },
        { 0.01m, null },
        { 25.50m, null },
        { 39.99m, null },
        { 40m, null },
        { 40.01m, "The fee you take must be £40 or less, the fee for this activity." },
    };

    [Theory]
    [MemberData(nameof(FeeTakenCases))]
    public void TakeFee_FromNothingUpToTheWholeFee(decimal amount, string? whyRefused)
    {
        var claim = Draft(fee: 40m);

        var refused = Record.Exception(() => claim.TakeFee(Pounds(amount), ClaimantUser, Now));

        Assert.Equal(whyRefused, refused?.Message);
        Assert.Equal(whyRefused is null ? Pounds(amount) : Pounds(40m), claim.FeeTaken);
        Assert.Equal(whyRefused is null ? 2 : 1, claim.Decisions.Count);
    }

    [Fact]
    public void DeclineFee_TakesNoneOfIt_AndIsRecorded()
    {
        var claim = Draft(fee: 40m);

        claim.DeclineFee(ClaimantUser, Now);

        Assert.True(claim.FeeDeclined);
        Assert.Equal(Money.Zero, claim.Total);
        Assert.Equal((ClaimStep.Changed, ClaimantUser, "Declined the £40 fee"), (claim.LatestDecision.Step, claim.LatestDecision.ByUserId, claim.LatestDecision.Note));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void TakeFee_WithNoFee_IsRefused(int? fee)
    {
        var claim = Draft(fee: fee);

        var refused = Assert.Throws<PaymentRuleException>(() => claim.TakeFee(Money.Zero, ClaimantUser, Now));

        Assert.Equal("There is no fee on this claim, only expenses.", refused.Message);
    }

    public static TheoryData<decimal, string?> ExpenseAmountCases => new()
    {
        { -0.01m, "An expense must be more than £0." },
        { 0m, "An expense must be more than £0." },
        { 0.01m, null },
        { 3.20m, null },
    };

    [Theory]
    [MemberData(nameof(ExpenseAmountCases))]
    public void AddExpense_MoreThanNothing(decimal amount, string? whyRefused)
    {
        var claim = Draft(fee: null);

        var refused = Record.Exception(() => claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(amount), new Receipt("receipt-1", "receipt-1.jpg"), ClaimantUser, Now));

        Assert.Equal(whyRefused, refused?.Message);
        Assert.Equal(whyRefused is null ? 1 : 0, claim.Expenses.Count);
    }

    [Fact]
    public void Total_IsTheFeeTakenPlusEveryExpense_ToThePenny()
    {
        var claim = Draft(fee: 40m);
        claim.TakeFee(Pounds(25.50m), ClaimantUser, Now);
        claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(0.10m), null, ClaimantUser, Now);
        claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(0.20m), new Receipt("receipt-2", "receipt-2.jpg"), ClaimantUser, Now);
        claim.AddExpense(ExpenseCategory.Meals, Pounds(12.35m), new Receipt("receipt-3", "receipt-3.jpg"), ClaimantUser, Now);

        Assert.Equal(Pounds(12.65m), claim.ExpensesTotal);
        Assert.Equal(Pounds(38.15m), claim.Total);
        Assert.Equal(Pounds(38.15m), claim.LatestDecision.Total);
    }

    [Fact]
    public void AllowedSoFar_AddsUpTheLinesOfOneCategory_RemovedLinesNoLonger()
    {
        var claim = Draft(fee: 40m);
        claim.AddExpense(ExpenseCategory.Meals, Pounds(4.99m), null, ClaimantUser, Now);
        claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(3.20m), null, ClaimantUser, Now);
        claim.AddExpense(ExpenseCategory.Meals, Pounds(5.01m), null, ClaimantUser, Now);

        Assert.Equal(Pounds(10m), claim.AllowedSoFar(ExpenseCategory.Meals));
        Assert.Equal(Pounds(3.20m), claim.AllowedSoFar(ExpenseCategory.PublicTransport));
        Assert.Equal(Money.Zero, claim.AllowedSoFar(ExpenseCategory.Mileage));
        claim.RemoveExpense(1, ClaimantUser, Now);
        Assert.Equal(Pounds(5.01m), claim.AllowedSoFar(ExpenseCategory.Meals));
    }

    [Fact]
    public void RemoveExpense_TakesItOff_AndItsNumberIsNotUsedAgain()
    {
        var claim = Draft(fee: null);
        claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(3.20m), new Receipt("receipt-1", "receipt-1.jpg"), ClaimantUser, Now);
        claim.AddExpense(ExpenseCategory.Mileage, Pounds(9m), null, ClaimantUser, Now, miles: 20m);

        claim.RemoveExpense(2, ClaimantUser, Now);
        var added = claim.AddExpense(ExpenseCategory.Meals, Pounds(5m), new Receipt("receipt-3", "receipt-3.jpg"), ClaimantUser, Now);

        Assert.Equal([1, 3], claim.Expenses.Select(e => e.Number));
        Assert.Equal(3, added.Number);
        Assert.Equal(Pounds(8.20m), claim.Total);
        Assert.Contains(claim.Decisions, d => d.Note == "Removed expense 2: mileage, £9");
        Assert.Throws<ArgumentException>(() => claim.RemoveExpense(2, ClaimantUser, Now));
    }

    public static TheoryData<decimal?, bool, decimal?, ClaimPaymentMethod, string?> SubmitCases => new()
    {
        // fee, declined, an expense, payment method, why refused (null: sent)
        { null, false, null, ClaimPaymentMethod.BankTransfer, "There is nothing to pay on this claim: add an expense or take some of the fee before you send it." },
        { 40m, true, null, ClaimPaymentMethod.BankTransfer, "There is nothing to pay on this claim: add an expense or take some of the fee before you send it." },
        { null, false, 3.20m, ClaimPaymentMethod.BankTransfer, null },
        { 40m, true, 3.20m, ClaimPaymentMethod.Voucher, null },
        { 40m, false, null, ClaimPaymentMethod.BankTransfer, null },
        { 40m, false, null, ClaimPaymentMethod.None, "Choose how you want to be paid before you send this claim." },
        { null, false, 3.20m, ClaimPaymentMethod.None, "Choose how you want to be paid before you send this claim." },
    };

    [Theory]
    [MemberData(nameof(SubmitCases))]
    public void Submit_OnlyWithSomethingToPay_AndAWayToPayIt(decimal? fee, bool declined, decimal? expense, ClaimPaymentMethod method, string? whyRefused)
    {
        var claim = Draft(fee, method);
        if (declined)
        {
            claim.DeclineFee(ClaimantUser, Now);
        }
        if (expense is { } amount)
        {
            claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(amount), new Receipt("receipt-1", "receipt-1.jpg"), ClaimantUser, Now);
        }

        var refused = Record.Exception(() => claim.Submit(ClaimantUser, Now.AddHours(1)));

        Assert.Equal(whyRefused, refused?.Message);
        Assert.Equal(whyRefused is null ? ClaimStatus.Submitted : ClaimStatus.Draft, claim.Status);
        Assert.Equal(whyRefused is null, claim.LocksAttendance);
    }

    [Fact]
    public void AnExpertWhoChoseNotToBePaid_ClaimsTheirBusFare()
    {
        var claim = Draft(fee: null, method: ClaimPaymentMethod.None);
        claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(4.50m), new Receipt("receipt-1", "receipt-1.jpg"), ClaimantUser, Now);
        claim.ChoosePaymentMethod(ClaimPaymentMethod.BankTransfer, ClaimantUser, Now);

        claim.Submit(ClaimantUser, Now.AddHours(1));

        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        Assert.Equal(Pounds(4.50m), claim.Total);
        Assert.Equal("To be paid by bank transfer", claim.Decisions[^2].Note);
    }

    public static TheoryData<ClaimStatus, string?> ChangeByStatusCases => new()
    {
        { ClaimStatus.Draft, null },
        { ClaimStatus.Queried, null },
        { ClaimStatus.Submitted, "This claim is with finance, so it cannot be changed now. Finance can send it back with a question." },
        { ClaimStatus.AwaitingSecondApproval, "This claim is with finance, so it cannot be changed now. Finance can send it back with a question." },
        { ClaimStatus.Rejected, "This claim was rejected, so it cannot be changed." },
        { ClaimStatus.Approved, "An approved claim never changes. To put it right, make a correction." },
        { ClaimStatus.Batched, "An approved claim never changes. To put it right, make a correction." },
        { ClaimStatus.Paid, "An approved claim never changes. To put it right, make a correction." },
    };

    [Theory]
    [MemberData(nameof(ChangeByStatusCases))]
    public void EveryChange_OnlyWhileTheClaimantHasIt(ClaimStatus status, string? whyRefused)
    {
        var changes = new Action<Claim>[]
        {
            c => c.AddExpense(ExpenseCategory.Meals, Pounds(5m), new Receipt("receipt", "receipt.jpg"), ClaimantUser, Now),
            c => c.RemoveExpense(1, ClaimantUser, Now),
            c => c.TakeFee(Pounds(20m), ClaimantUser, Now),
            c => c.DeclineFee(ClaimantUser, Now),
            c => c.ChoosePaymentMethod(ClaimPaymentMethod.Voucher, ClaimantUser, Now),
        };
        foreach (var change in changes)
        {
            var claim = InStatus(status);
            if (whyRefused is null)
            {
                claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(3.20m), new Receipt("receipt", "receipt.jpg"), ClaimantUser, Now); // expense 1, to remove
            }
            var before = (claim.Total, claim.Expenses.Count, claim.PaymentMethod, claim.Decisions.Count);

            var refused = Record.Exception(() => change(claim));

            Assert.Equal(whyRefused, refused?.Message);
            if (whyRefused is null)
            {
                Assert.Equal((ClaimStep.Changed, ClaimantUser, before.Item4 + 1), (claim.LatestDecision.Step, claim.LatestDecision.ByUserId, claim.Decisions.Count));
            }
            else
            {
                Assert.IsType<PaymentRuleException>(refused);
                Assert.Equal(before, (claim.Total, claim.Expenses.Count, claim.PaymentMethod, claim.Decisions.Count));
            }
        }
    }

    public static TheoryData<ClaimStatus, string?> SubmitByStatusCases => new()
    {
        { ClaimStatus.Draft, null },
        { ClaimStatus.Queried, null },
        { ClaimStatus.Submitted, "This claim has been sent already." },
        { ClaimStatus.AwaitingSecondApproval, "This claim has been sent already." },
        { ClaimStatus.Rejected, "This claim was rejected, so it cannot be sent again." },
        { ClaimStatus.Approved, "This claim has been sent already." },
        { ClaimStatus.Batched, "This claim has been sent already." },
        { ClaimStatus.Paid, "This claim has been sent already." },
    };

    [Theory]
    [MemberData(nameof(SubmitByStatusCases))]
    public void Submit_ByStatus(ClaimStatus status, string? whyRefused)
    {
        var claim = InStatus(status);

        var refused = Record.Exception(() => claim.Submit(ClaimantUser, Now.AddHours(5)));

        Assert.Equal(whyRefused, refused?.Message);
        Assert.Equal(whyRefused is null ? ClaimStatus.Submitted : status, claim.Status);
    }

    public static TheoryData<ClaimStatus, string?> FinanceDecisionByStatusCases => new()
    {
        { ClaimStatus.Draft, "This claim has not been sent to finance yet." },
        { ClaimStatus.Queried, "This claim is back with the claimant to answer a question." },
        { ClaimStatus.Submitted, null },
        { ClaimStatus.AwaitingSecondApproval, null },
        { ClaimStatus.Rejected, "This claim has been rejected already." },
        { ClaimStatus.Approved, "This claim has been approved already." },
        { ClaimStatus.Batched, "This claim has been approved already." },
        { ClaimStatus.Paid, "This claim has been approved already." },
    };

    [Theory]
    [MemberData(nameof(FinanceDecisionByStatusCases))]
    public void Approve_Reject_Query_OnlyWhileWithFinance(ClaimStatus status, string? whyRefused)
    {
        var decisions = new (Action<Claim> Decide, ClaimStatus After)[]
        {
            (c => c.Approve(SecondApprover, Rules, Now.AddHours(5)), ClaimStatus.Approved),
            (c => c.Reject("Duplicate claim", Finance2, Now.AddHours(5)), ClaimStatus.Rejected),
            (c => c.Query("Which bus did you take?", Finance2, Now.AddHours(5)), ClaimStatus.Queried),
        };
        foreach (var (decide, after) in decisions)
        {
            var claim = InStatus(status);

            var refused = Record.Exception(() => decide(claim));

            Assert.Equal(whyRefused, refused?.Message);
            Assert.Equal(whyRefused is null ? after : status, claim.Status);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Reject_And_Query_NeedWords(string? words)
    {
        var claim = Submitted();

        var noReason = Assert.Throws<PaymentRuleException>(() => claim.Reject(words!, Finance1, Now));
        var noQuestion = Assert.Throws<PaymentRuleException>(() => claim.Query(words!, Finance1, Now));

        Assert.Equal("Give the reason for rejecting this claim.", noReason.Message);
        Assert.Equal("Write the question for the claimant.", noQuestion.Message);
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
    }

    [Fact]
    public void AReasonOfAtMost2000Characters_IsKept()
    {
        var claim = Submitted();

        Assert.Throws<PaymentRuleException>(() => claim.Reject(new string('x', 2001), Finance1, Now));
        claim.Reject(" " + new string('x', 2000) + " ", Finance1, Now);

        Assert.Equal(new string('x', 2000), claim.LatestDecision.Note);
    }

    [Fact]
    public void Queried_ThenChangedAndSentAgain_KeepsTheFirstSendingAndTheAnswer()
    {
        var claim = Submitted();
        claim.Query("Please add the receipt for the taxi.", Finance1, Now.AddHours(2));
        claim.AddExpense(ExpenseCategory.Other, Pounds(12m), new Receipt("receipt-taxi", "receipt-taxi.jpg"), ClaimantUser, Now.AddHours(3));

        claim.Submit(ClaimantUser, Now.AddHours(4), "Receipt added.");

        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        Assert.Equal(Now.AddHours(1), claim.FirstSubmittedUtc);
        Assert.Equal("Receipt added.", claim.LatestDecision.Note);
    }

    [Fact]
    public void History_KeepsWhoDidWhatWhenAndWhy_InOrder()
    {
        var claim = Draft(fee: 40m).Saved(1);
        claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(3.20m), new Receipt("receipt-1", "receipt-1.jpg"), ClaimantUser, Now.AddMinutes(1));
        claim.TakeFee(Pounds(30m), ClaimantUser, Now.AddMinutes(2));
        claim.Submit(ClaimantUser, Now.AddMinutes(3));
        claim.Query("Was this the return fare?", Finance1, Now.AddMinutes(4));
        claim.Submit(ClaimantUser, Now.AddMinutes(5), "Yes, there and back.");
        claim.Approve(FirstApprover, Rules, Now.AddMinutes(6));
        var batch = new PaymentBatch([claim], Finance2, Now.AddMinutes(7));
        batch.KeepExport("file", Finance2, Now.AddMinutes(7));
        batch.MarkPaid([claim], Finance2, Now.AddMinutes(8));

        var expected = new (ClaimStep, string, int, string?)[]
        {
            (ClaimStep.Created, Organiser, 0, "Made when attendance was recorded"),
            (ClaimStep.Changed, ClaimantUser, 1, "Added expense 1: public transport, £3.20"),
            (ClaimStep.Changed, ClaimantUser, 2, "Takes £30 of the £40 fee"),
            (ClaimStep.Submitted, ClaimantUser, 3, null),
            (ClaimStep.Queried, Finance1, 4, "Was this the return fare?"),
            (ClaimStep.Submitted, ClaimantUser, 5, "Yes, there and back."),
            (ClaimStep.Approved, Finance1, 6, null),
            (ClaimStep.Batched, Finance2, 7, null),
            (ClaimStep.Paid, Finance2, 8, "Paid in its batch"),
        };
        Assert.Equal(expected, claim.Decisions.Select(d => (d.Step, d.ByUserId, (int)(d.AtUtc - Now).TotalMinutes, d.Note)));
        Assert.Equal(Enumerable.Range(1, 9), claim.Decisions.Select(d => d.Number));
        Assert.Equal(Pounds(33.20m), claim.LatestDecision.Total);
        Assert.Equal(Now.AddMinutes(8), claim.UpdatedUtc);
    }

    [Fact]
    public void Approve_WhenOneApproverIsEnough_ApprovesAtOnce()
    {
        var claim = Submitted(fee: 500m);

        claim.Approve(FirstApprover, Rules, Now.AddHours(2));

        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Null(claim.LatestDecision.Note);
    }

    [Fact]
    public void Approve_WhenTwoAreNeeded_WaitsForASecondDifferentApprover()
    {
        var claim = Submitted(fee: 500.01m);

        claim.Approve(FirstApprover, Rules, Now.AddHours(2));
        Assert.Equal(ClaimStatus.AwaitingSecondApproval, claim.Status);
        Assert.Equal("First of two approvals", claim.LatestDecision.Note);

        var again = Assert.Throws<PaymentRuleException>(() => claim.Approve(FirstApprover, Rules, Now.AddHours(3)));
        Assert.Equal("You have approved this claim already. A claim over £500 needs a second, different finance officer to approve it.", again.Message);

        claim.Approve(SecondApprover, Rules, Now.AddHours(4));
        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal([Finance1, Finance2], claim.Decisions.Where(d => d.Step == ClaimStep.Approved).Select(d => d.ByUserId));
    }

    [Fact]
    public void AQueryAfterTheFirstApproval_StartsTheApprovalsAgain()
    {
        var claim = Submitted(fee: 600m);
        claim.Approve(FirstApprover, Rules, Now.AddHours(2));
        claim.Query("Was the whole day needed?", Finance2, Now.AddHours(3));
        claim.Submit(ClaimantUser, Now.AddHours(4), "Yes.");

        claim.Approve(FirstApprover, Rules, Now.AddHours(5));

        Assert.Equal(ClaimStatus.AwaitingSecondApproval, claim.Status);
        Assert.Equal([Finance1], claim.ApprovalFacts.ApprovedByUserIds);
    }

    [Fact]
    public void Approve_BySomeoneTheRulesRefuse_ChangesNothing()
    {
        var claim = Submitted();

        var refused = Assert.Throws<PaymentRuleException>(() => claim.Approve(new Approver(Organiser, null), Rules, Now.AddHours(2)));

        Assert.Equal("You created this claim, so another finance officer must approve it.", refused.Message);
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        Assert.Equal(2, claim.Decisions.Count);
    }

    [Fact]
    public void ApprovalFacts_NameEveryoneWhoPreparedTheClaim()
    {
        var claim = Claim.OnBehalf(Attendance(), Pounds(40m), ClaimPaymentMethod.BankTransfer, "helper", Now);
        claim.AddExpense(ExpenseCategory.Mileage, Pounds(9m), null, "helper-2", Now, miles: 20m);
        claim.Submit("helper-3", Now);

        var facts = claim.ApprovalFacts;

        Assert.Equal((ClaimantProfileId, "helper", Organiser, Pounds(49m)), (facts.ClaimantProfileId, facts.CreatedByUserId, facts.AttendanceRecordedByUserId, facts.Total));
        Assert.Equal(["helper-2", "helper-3"], facts.PreparedByUserIds);
        Assert.Empty(facts.ApprovedByUserIds);
    }

    [Fact]
    public void DeleteReceipt_TheFileGoes_TheExpenseStillSaysAReceiptWasGiven_AndOnlyOnce()
    {
        var claim = Draft(fee: 40m);
        var withReceipt = claim.AddExpense(ExpenseCategory.PublicTransport, Pounds(4.60m), new Receipt("0123456789abcdef0123456789abcdef", "ticket.jpg"), ClaimantUser, Now);
        var without = claim.AddExpense(ExpenseCategory.Meals, Pounds(3m), null, ClaimantUser, Now);
        claim.Submit(ClaimantUser, Now);
        var later = Now.AddYears(7);

        Assert.Equal("0123456789abcdef0123456789abcdef", claim.DeleteReceipt(withReceipt.Number, later));

        Assert.Equal((true, false, "ticket.jpg", (DateTime?)later), (withReceipt.HasReceipt, withReceipt.HasReceiptFile, withReceipt.ReceiptFileName, withReceipt.ReceiptDeletedUtc));
        Assert.Null(claim.DeleteReceipt(withReceipt.Number, later.AddDays(1)));
        Assert.Equal(later, withReceipt.ReceiptDeletedUtc);
        Assert.Null(claim.DeleteReceipt(without.Number, later));
        Assert.Equal((false, false, (DateTime?)null), (without.HasReceipt, without.HasReceiptFile, without.ReceiptDeletedUtc));
        Assert.Throws<ArgumentException>(() => claim.DeleteReceipt(99, later));
    }
}
