using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// What happens to a person's payment records when they delete their information. Finance
/// records stay (the council must account for what it paid), named by the payee reference instead
/// of the person's name. Bank details stay only while they are still needed to pay the person.
/// </summary>
public static class PayeeDeletion
{
    /// <summary>
    /// Whether this claim still has to be paid into the person's bank account: it pays something
    /// by bank transfer, it has been sent to finance (who may still approve it, and may not refuse
    /// payment just because the person has gone), and it has been neither paid nor rejected. A
    /// draft was never sent, so it does not count: nobody can send it once its claimant is deleted.
    /// </summary>
    public static bool NeedsBankDetails(ClaimStatus status, ClaimPaymentMethod method, Money total) =>
        method == ClaimPaymentMethod.BankTransfer
        && total > Money.Zero
        && status is ClaimStatus.Submitted or ClaimStatus.Queried or ClaimStatus.AwaitingSecondApproval or ClaimStatus.Approved or ClaimStatus.Batched;

    /// <summary>True while any of the person's claims still has to be paid by bank transfer.</summary>
    public static bool BankDetailsStillNeeded(IEnumerable<(ClaimStatus Status, ClaimPaymentMethod Method, Money Total)> claims) =>
        claims.Any(c => NeedsBankDetails(c.Status, c.Method, c.Total));
}
