using CoProduce.Web.Domain.Commissioning;

namespace CoProduce.UnitTests;

public sealed class CommissioningProjectTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0)]
    [InlineData(0.01)]
    [InlineData(650_000)]
    public void New_ValueZeroOrMore_StartsInAnalyse(decimal value)
    {
        var project = new CommissioningProject("Short breaks", "Children's services", "Summary", "owner-1", value, false, Now);

        Assert.Equal(CommissioningStage.Analyse, project.Stage);
        Assert.Equal(value, project.EstimatedValue);
        Assert.Equal(Now, project.CreatedUtc);
    }

    [Fact]
    public void NewAndChangeValue_NegativeZero_IsKeptAsZero()
    {
        var negativeZero = decimal.Negate(0m);
        Assert.True(decimal.IsNegative(negativeZero)); // the case: a zero with its sign bit set

        var project = new CommissioningProject("Short breaks", "Children's services", "Summary", "owner-1", negativeZero, false, Now);
        var afterNew = project.EstimatedValue;
        project.ChangeValue(negativeZero, false, PlymouthRules.Create("lead", Now), Now);

        Assert.False(decimal.IsNegative(afterNew));
        Assert.False(decimal.IsNegative(project.EstimatedValue));
        Assert.Equal(1, project.Tier);
    }

    [Fact]
    public void New_NegativeValue_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CommissioningProject("Short breaks", "Children's services", "Summary", "owner-1", -0.01m, false, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void New_BlankTitle_IsRefused(string title)
    {
        Assert.Throws<ArgumentException>(() =>
            new CommissioningProject(title, "Children's services", "Summary", "owner-1", 1m, false, Now));
    }
}
