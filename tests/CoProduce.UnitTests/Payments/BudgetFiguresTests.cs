using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>Committed, approved and paid against the co-production budget, and what remains.</summary>
public sealed class BudgetFiguresTests
{
    [Theory]
    [InlineData(ClaimStatus.Draft, BudgetSpend.Committed)]
    [InlineData(ClaimStatus.Submitted, BudgetSpend.Committed)]
    [InlineData(ClaimStatus.Queried, BudgetSpend.Committed)]
    [InlineData(ClaimStatus.AwaitingSecondApproval, BudgetSpend.Committed)]
    [InlineData(ClaimStatus.Approved, BudgetSpend.Approved)]
    [InlineData(ClaimStatus.Batched, BudgetSpend.Approved)]
    [InlineData(ClaimStatus.Paid, BudgetSpend.Paid)]
    [InlineData(ClaimStatus.Rejected, BudgetSpend.NotSpent)]
    public void EachStatus_CountsOnce(ClaimStatus status, BudgetSpend spend) =>
        Assert.Equal(spend, BudgetFigures.SpendOf(status));

    [Fact]
    public void EveryStatus_HasAPlace() =>
        Assert.All(Enum.GetValues<ClaimStatus>(), s => Assert.True(Enum.IsDefined(BudgetFigures.SpendOf(s))));

    [Fact]
    public void Figures_AddUpClaimsByStatus_AndUnclaimedFees_ToThePenny()
    {
        var figures = BudgetFigures.From(Pounds(1000m), [
            (ClaimStatus.Submitted, Pounds(10.01m)),
            (ClaimStatus.Queried, Pounds(0.99m)),
            (ClaimStatus.Approved, Pounds(100m)),
            (ClaimStatus.Batched, Pounds(0.01m)),
            (ClaimStatus.Paid, Pounds(250.50m)),
            (ClaimStatus.Rejected, Pounds(999m)),
            (ClaimStatus.Approved, Pounds(-5m)),
        ], unclaimedFees: Pounds(75m));

        Assert.Equal(Pounds(86m), figures.Committed);
        Assert.Equal(Pounds(95.01m), figures.Approved);
        Assert.Equal(Pounds(250.50m), figures.Paid);
        Assert.Equal(Pounds(568.49m), figures.Remaining);
        Assert.False(figures.IsOverspent);
    }

    [Theory]
    [InlineData("100.00", "100.00", "0.00", false)]
    [InlineData("100.00", "100.01", "-0.01", true)]
    [InlineData("100.00", "99.99", "0.01", false)]
    public void Remaining_AtAndOverTheBudget(string budget, string paid, string remaining, bool overspent)
    {
        var figures = BudgetFigures.From(Pounds(decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture)),
            [(ClaimStatus.Paid, Pounds(decimal.Parse(paid, System.Globalization.CultureInfo.InvariantCulture)))], Money.Zero);

        Assert.Equal(Pounds(decimal.Parse(remaining, System.Globalization.CultureInfo.InvariantCulture)), figures.Remaining);
        Assert.Equal(overspent, figures.IsOverspent);
    }

    [Fact]
    public void NoBudgetSet_HasNothingRemaining()
    {
        var figures = BudgetFigures.From(null, [(ClaimStatus.Paid, Pounds(1m))], Money.Zero);

        Assert.Null(figures.Remaining);
        Assert.False(figures.IsOverspent);
    }
}
