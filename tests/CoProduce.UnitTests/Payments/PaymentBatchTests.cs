using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.Payments.TestClaims;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// Payment batches: approved, unpaid bank transfers, each in at most one batch, in a fixed order;
/// vouchers and money owed back apart; the batch total is the sum of its claims.
/// </summary>
public sealed class PaymentBatchTests
{
    private static Claim OwedBack(int id, int originalId = 100)
    {
        var correction = Claim.Correcting(Approved(id: originalId), Pounds(-5m), "Overpaid", Finance1, Now).Saved(id);
        correction.Submit(Finance1, Now);
        correction.Approve(SecondApprover, Rules, Now);
        return correction;
    }

    [Fact]
    public void ClaimsToPay_SortsApprovedClaimsByHowTheyArePaid_InBatchOrder()
    {
        var bankForProfile9 = Approved(id: 1, profileId: 9);
        var bankForProfile3Later = Approved(id: 4, profileId: 3);
        var bankForProfile3 = Approved(id: 2, profileId: 3);
        var voucher = Approved(method: ClaimPaymentMethod.Voucher, id: 3);
        var owedBack = OwedBack(5);
        var notApproved = Submitted().Saved(6);
        var alreadyBatched = InStatus(ClaimStatus.Batched).Saved(7);
        var paid = InStatus(ClaimStatus.Paid).Saved(8);

        var toPay = ClaimsToPay.From([bankForProfile9, voucher, notApproved, owedBack, bankForProfile3Later, alreadyBatched, paid, bankForProfile3]);

        Assert.Equal([2, 4, 1], toPay.BankTransfers.Select(c => c.Id));
        Assert.Equal([3], toPay.Vouchers.Select(c => c.Id));
        Assert.Equal([5], toPay.OwedBack.Select(c => c.Id));
    }

    [Fact]
    public void ABatch_KeepsItsClaimsInAFixedOrder_WithTheirAmounts_AndTotalsThem()
    {
        var claims = new[] { Approved(fee: 40m, id: 1, profileId: 9), Approved(fee: 25.50m, id: 4, profileId: 3), Approved(fee: 0.01m, id: 2, profileId: 3) };

        var batch = new PaymentBatch(claims, Finance2, Now.AddDays(1));

        Assert.Equal(
            [(1, 2, 3, Pounds(0.01m)), (2, 4, 3, Pounds(25.50m)), (3, 1, 9, Pounds(40m))],
            batch.Lines.Select(l => (l.Position, l.ClaimId, l.ExpertProfileId, l.Amount)));
        Assert.Equal(Pounds(65.51m), batch.Total);
        Assert.Equal(claims.Total(), batch.Total);
        Assert.Equal((PaymentBatchStatus.AwaitingPayment, Finance2, Now.AddDays(1)), (batch.Status, batch.CreatedByUserId, batch.CreatedUtc));
        Assert.All(claims, c => Assert.Equal((ClaimStatus.Batched, ClaimStep.Batched, Finance2), (c.Status, c.LatestDecision.Step, c.LatestDecision.ByUserId)));
    }

    [Fact]
    public void TheSameClaims_InAnyOrder_MakeTheSameRows()
    {
        List<(int, int, int, Money)> RowsFor(IEnumerable<int> ids) =>
            new PaymentBatch(ids.Select(id => Approved(fee: id, id: id, profileId: id % 3)), Finance2, Now)
                .Lines.Select(l => (l.Position, l.ClaimId, l.ExpertProfileId, l.Amount)).ToList();

        Assert.Equal(RowsFor([1, 2, 3, 4, 5, 6]), RowsFor([6, 3, 5, 1, 4, 2]));
    }

    public static TheoryData<ClaimStatus, ClaimPaymentMethod, string> UnfitClaims => new()
    {
        { ClaimStatus.Draft, ClaimPaymentMethod.BankTransfer, "Claim 2 cannot go in a batch: it has not been approved." },
        { ClaimStatus.Submitted, ClaimPaymentMethod.BankTransfer, "Claim 2 cannot go in a batch: it has not been approved." },
        { ClaimStatus.Queried, ClaimPaymentMethod.BankTransfer, "Claim 2 cannot go in a batch: it has not been approved." },
        { ClaimStatus.AwaitingSecondApproval, ClaimPaymentMethod.BankTransfer, "Claim 2 cannot go in a batch: it has not been approved." },
        { ClaimStatus.Rejected, ClaimPaymentMethod.BankTransfer, "Claim 2 cannot go in a batch: it has not been approved." },
        { ClaimStatus.Batched, ClaimPaymentMethod.BankTransfer, "Claim 2 cannot go in a batch: it is in a batch already." },
        { ClaimStatus.Paid, ClaimPaymentMethod.BankTransfer, "Claim 2 cannot go in a batch: it has been paid already." },
        { ClaimStatus.Approved, ClaimPaymentMethod.Voucher, "Claim 2 cannot go in a batch: it is not paid by bank transfer." },
    };

    [Theory]
    [MemberData(nameof(UnfitClaims))]
    public void ABatch_TakesOnlyApprovedUnpaidBankTransfers_AndChangesNothingWhenRefused(ClaimStatus status, ClaimPaymentMethod method, string whyRefused)
    {
        var fit = Approved(id: 1);
        var unfit = method == ClaimPaymentMethod.Voucher ? Approved(method: method, id: 2) : InStatus(status).Saved(2);

        var refused = Assert.Throws<PaymentRuleException>(() => new PaymentBatch([fit, unfit], Finance2, Now));

        Assert.Equal(whyRefused, refused.Message);
        Assert.Equal(ClaimStatus.Approved, fit.Status);
        Assert.Equal(status, unfit.Status);
    }

    [Fact]
    public void MoneyOwedBack_IsNotBatched()
    {
        var refused = Assert.Throws<PaymentRuleException>(() => new PaymentBatch([OwedBack(2)], Finance2, Now));

        Assert.Equal("Claim 2 cannot go in a batch: it has no money to pay out.", refused.Message);
    }

    [Fact]
    public void AClaim_IsInAtMostOneBatch()
    {
        var claim = Approved(id: 1);
        _ = new PaymentBatch([claim], Finance2, Now);

        var refused = Assert.Throws<PaymentRuleException>(() => new PaymentBatch([claim], Finance1, Now));

        Assert.Equal("Claim 1 cannot go in a batch: it is in a batch already.", refused.Message);
    }

    [Fact]
    public void ABatch_NeedsClaims_EachSavedAndOnce()
    {
        var empty = Assert.Throws<PaymentRuleException>(() => new PaymentBatch([], Finance2, Now));
        Assert.Equal("There are no approved bank transfers to pay, so there is nothing to put in a batch.", empty.Message);

        var claim = Approved(id: 1);
        Assert.Throws<ArgumentException>(() => new PaymentBatch([claim, claim], Finance2, Now));
        Assert.Throws<ArgumentException>(() => new PaymentBatch([Approved(id: 0)], Finance2, Now));
        Assert.Equal(ClaimStatus.Approved, claim.Status);
    }

    [Fact]
    public void MarkPaid_MarksEveryClaimPaid_Once()
    {
        var claims = new[] { Approved(id: 1), Approved(id: 2, profileId: 8) };
        var batch = new PaymentBatch(claims, Finance2, Now);
        batch.KeepExport("file", Finance2, Now.AddDays(1));

        batch.MarkPaid(claims.Reverse(), Finance1, Now.AddDays(3));

        Assert.Equal((PaymentBatchStatus.Paid, Finance1, Now.AddDays(3)), (batch.Status, batch.PaidByUserId, batch.PaidUtc));
        Assert.All(claims, c => Assert.Equal((ClaimStatus.Paid, ClaimStep.Paid, Finance1), (c.Status, c.LatestDecision.Step, c.LatestDecision.ByUserId)));
        var again = Assert.Throws<PaymentRuleException>(() => batch.MarkPaid(claims, Finance1, Now.AddDays(4)));
        Assert.Equal("This batch has been marked paid already.", again.Message);
        Assert.All(claims, c => Assert.Equal(Now.AddDays(3), c.UpdatedUtc));
    }

    [Fact]
    public void MarkPaid_OnlyOnceTheFileHasBeenMade_AndTheFileIsMadeOnce()
    {
        var claims = new[] { Approved(id: 1), Approved(id: 2) };
        var batch = new PaymentBatch(claims, Finance2, Now);

        var tooSoon = Assert.Throws<PaymentRuleException>(() => batch.MarkPaid(claims, Finance1, Now.AddDays(1)));
        Assert.StartsWith("Download this batch's file for the payment system first.", tooSoon.Message, StringComparison.Ordinal);
        Assert.Equal((PaymentBatchStatus.AwaitingPayment, false), (batch.Status, batch.IsExported));
        Assert.All(claims, c => Assert.Equal(ClaimStatus.Batched, c.Status));

        batch.KeepExport("the file, encrypted", Finance2, Now.AddDays(2));
        Assert.Equal((true, Finance2, Now.AddDays(2), "the file, encrypted"), (batch.IsExported, batch.ExportedByUserId, batch.ExportedUtc, batch.ProtectedExport));
        Assert.Throws<InvalidOperationException>(() => batch.KeepExport("another file", Finance1, Now.AddDays(3)));
        Assert.Equal("the file, encrypted", batch.ProtectedExport);

        batch.MarkPaid(claims, Finance1, Now.AddDays(4));
        Assert.Equal(PaymentBatchStatus.Paid, batch.Status);
    }

    [Fact]
    public void MarkPaid_TakesExactlyTheBatchsOwnClaims()
    {
        var claims = new[] { Approved(id: 1), Approved(id: 2) };
        var batch = new PaymentBatch(claims, Finance2, Now);
        batch.KeepExport("file", Finance2, Now);

        Assert.Throws<ArgumentException>(() => batch.MarkPaid([claims[0]], Finance1, Now));
        Assert.Throws<ArgumentException>(() => batch.MarkPaid([claims[0], claims[1], Approved(id: 3)], Finance1, Now));
        Assert.Throws<ArgumentException>(() => batch.MarkPaid([claims[0], claims[0]], Finance1, Now));

        Assert.Equal(PaymentBatchStatus.AwaitingPayment, batch.Status);
        Assert.All(claims, c => Assert.Equal(ClaimStatus.Batched, c.Status));
    }

    [Fact]
    public void BatchTotals_EqualTheSumOfTheirClaims_ToThePenny_OverRandomClaims()
    {
        var random = new Random(20260615);
        for (var round = 0; round < 200; round++)
        {
            var claims = Enumerable.Range(1, random.Next(1, 30)).Select(id =>
            {
                var claim = Draft(fee: random.Next(2) == 0 ? null : random.Next(0, 50_000) / 100m, profileId: random.Next(1, 6)).Saved(id);
                for (var e = random.Next(1, 4); e > 0; e--)
                {
                    claim.AddExpense(ExpenseCategory.PublicTransport, Money.FromPence(random.Next(1, 20_000)), null, ClaimantUser, Now);
                }
                claim.Submit(ClaimantUser, Now);
                claim.Approve(FirstApprover, new ApprovalRules(Pounds(1_000_000m)), Now);
                return claim;
            }).ToList();
            var expected = claims.Sum(c => c.FeeTaken.Pence + c.Expenses.Sum(e => e.Amount.Pence));

            var batch = new PaymentBatch(claims, Finance2, Now);

            Assert.Equal(expected, batch.Total.Pence);
            Assert.Equal(expected, batch.Lines.Sum(l => l.Amount.Pence));
        }
    }

    public static TheoryData<string, string?> PaidOutsideBatchCases => new()
    {
        // the claim, why refused (null: recorded paid, with this note)
        { "voucher", null },
        { "owed back", null },
        { "bank transfer", "A bank transfer is paid in a payment batch, so that it is exported exactly once." },
        { "batched", "This claim is in a payment batch: it is paid when its batch is marked paid." },
        { "paid", "This claim has been paid already." },
        { "submitted voucher", "Only an approved claim can be paid." },
    };

    [Theory]
    [MemberData(nameof(PaidOutsideBatchCases))]
    public void RecordPaidOutsideBatch_OnlyVouchersAndMoneyOwedBack(string which, string? whyRefused)
    {
        var claim = which switch
        {
            "voucher" => Approved(method: ClaimPaymentMethod.Voucher),
            "owed back" => OwedBack(2),
            "bank transfer" => Approved(),
            "batched" => InStatus(ClaimStatus.Batched),
            "paid" => InStatus(ClaimStatus.Paid),
            _ => Submitted(method: ClaimPaymentMethod.Voucher),
        };
        var statusBefore = claim.Status;

        var refused = Record.Exception(() => claim.RecordPaidOutsideBatch(Finance1, Now.AddDays(2)));

        Assert.Equal(whyRefused, refused?.Message);
        Assert.Equal(whyRefused is null ? ClaimStatus.Paid : statusBefore, claim.Status);
        if (whyRefused is null)
        {
            Assert.Equal(which == "voucher" ? "Voucher issued" : "Repaid to the council", claim.LatestDecision.Note);
        }
    }
}
