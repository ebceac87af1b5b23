using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests;

public sealed class CommissioningProjectTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0)]
    [InlineData(0.01)]
    [InlineData(650_000)]
    [InlineData(100_000_000_000)]
    public void New_ValueZeroOrMore_StartsInAnalyse(decimal pounds)
    {
        var project = new CommissioningProject("Short breaks", "Children's services", "Summary", "owner-1", Pounds(pounds), false, Now);

        Assert.Equal(CommissioningStage.Analyse, project.Stage);
        Assert.Equal(Pounds(pounds), project.EstimatedValue);
        Assert.Equal(Now, project.CreatedUtc);
    }

    [Fact]
    public void NewAndChangeValue_NegativeZeroPounds_IsKeptAsZero()
    {
        var negativeZero = decimal.Negate(0m);
        Assert.True(decimal.IsNegative(negativeZero)); // the case: a zero with its sign bit set

        var project = new CommissioningProject("Short breaks", "Children's services", "Summary", "owner-1", Pounds(negativeZero), false, Now);
        var afterNew = project.EstimatedValue;
        project.ChangeValue(Pounds(negativeZero), false, PlymouthRules.Create("lead", Now), Now);

        Assert.Equal(Money.Zero, afterNew);
        Assert.Equal(Money.Zero, project.EstimatedValue);
        Assert.Equal(1, project.Tier);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100_000_000_000.01)]
    public void New_ValueBelowNoughtOrAboveTheMaximum_IsRefused(decimal pounds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CommissioningProject("Short breaks", "Children's services", "Summary", "owner-1", Pounds(pounds), false, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void New_BlankTitle_IsRefused(string title)
    {
        Assert.Throws<ArgumentException>(() =>
            new CommissioningProject(title, "Children's services", "Summary", "owner-1", Pounds(1m), false, Now));
    }
}
