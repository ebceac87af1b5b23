using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>Where a claim's money stands against the co-production budget.</summary>
public enum BudgetSpend { Committed, Approved, Paid, NotSpent }

/// <summary>
/// The co-production budget for a financial year against what is committed, approved and paid
/// for activities in that year. Committed: places confirmed with a fee and not yet sent to finance
/// (at the fee fixed for the place), and claims not yet decided (draft, sent, queried, waiting for a
/// second approval). Approved: approved, or in a payment batch. Paid: paid. Rejected claims spend nothing.
/// </summary>
public sealed record BudgetFigures(Money? Budget, Money Committed, Money Approved, Money Paid)
{
    public Money Spent => Committed + Approved + Paid;

    /// <summary>What is left of the budget; less than £0 when it is overspent. Null when no budget is set.</summary>
    public Money? Remaining => Budget is { } budget ? budget - Spent : null;

    public bool IsOverspent => Remaining is { IsNegative: true };

    public static BudgetSpend SpendOf(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft or ClaimStatus.Submitted or ClaimStatus.Queried or ClaimStatus.AwaitingSecondApproval => BudgetSpend.Committed,
        ClaimStatus.Approved or ClaimStatus.Batched => BudgetSpend.Approved,
        ClaimStatus.Paid => BudgetSpend.Paid,
        _ => BudgetSpend.NotSpent,
    };

    /// <summary>The figures from the claims' totals by status and the fees of places not yet claimed.</summary>
    public static BudgetFigures From(Money? budget, IEnumerable<(ClaimStatus Status, Money Total)> claimTotals, Money unclaimedFees)
    {
        ArgumentNullException.ThrowIfNull(claimTotals);
        var sums = claimTotals.GroupBy(t => SpendOf(t.Status)).ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (sum, t) => sum + t.Total));
        return new(budget,
            sums.GetValueOrDefault(BudgetSpend.Committed) + unclaimedFees,
            sums.GetValueOrDefault(BudgetSpend.Approved),
            sums.GetValueOrDefault(BudgetSpend.Paid));
    }
}
