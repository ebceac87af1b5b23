using static CoProduce.UnitTests.TestMoney;
using CoProduce.Web.Domain.Commissioning;

namespace CoProduce.UnitTests.Commissioning;

public sealed class TierAssessorTests
{
    private static readonly TierRuleSet Plymouth = PlymouthRules.Create("lead", new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc));

    public static TheoryData<decimal, bool, int, string[], string> Cases => new()
    {
        // value, key decision, tier, required codes, reason
        { 0m, false, 1, ["R1", "R2", "R3"], "£0 is up to £50,000, so this is tier 1" },
        { 50_000m, false, 1, ["R1", "R2", "R3"], "£50,000 is up to £50,000, so this is tier 1" },
        { 50_000.01m, false, 2, ["R1", "R2", "R3", "R4"], "£50,000.01 is over £50,000 and up to £200,000, so this is tier 2" },
        { 200_000m, false, 2, ["R1", "R2", "R3", "R4"], "£200,000 is over £50,000 and up to £200,000, so this is tier 2" },
        { 200_000.01m, false, 3, ["R1", "R2", "R3", "R4", "R5"], "£200,000.01 is over £200,000 and up to £500,000, so this is tier 3" },
        { 500_000m, false, 3, ["R1", "R2", "R3", "R4", "R5"], "£500,000 is over £200,000 and up to £500,000, so this is tier 3" },
        { 500_000.01m, false, 4, ["R1", "R2", "R3", "R4", "R5", "R6"], "£500,000.01 is over £500,000 and up to £3,000,000, so this is tier 4" },
        { 650_000m, false, 4, ["R1", "R2", "R3", "R4", "R5", "R6"], "£650,000 is over £500,000 and up to £3,000,000, so this is tier 4" },
        { 3_000_000m, false, 4, ["R1", "R2", "R3", "R4", "R5", "R6"], "£3,000,000 is over £500,000 and up to £3,000,000, so this is tier 4" },
        { 3_000_000.01m, false, 5, ["R1", "R2", "R3", "R4", "R5", "R6", "R7"], "£3,000,000.01 is over £3,000,000, so this is tier 5" },
        { 1m, true, 5, ["R1", "R2", "R3", "R4", "R5", "R6", "R7"], "This is a key decision, so it is tier 5 whatever its value" },
        { 0m, true, 5, ["R1", "R2", "R3", "R4", "R5", "R6", "R7"], "This is a key decision, so it is tier 5 whatever its value" },
        { 650_000m, true, 5, ["R1", "R2", "R3", "R4", "R5", "R6", "R7"], "This is a key decision, so it is tier 5 whatever its value" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Assess_BandEdges(decimal value, bool keyDecision, int tier, string[] codes, string reason)
    {
        var assessment = TierAssessor.Assess(Pounds(value), keyDecision, Plymouth);

        Assert.Equal(tier, assessment.Tier);
        Assert.Equal(codes, assessment.Required.Select(r => r.Code).Order());
        Assert.Equal(reason, assessment.Reason);
        Assert.Equal(1, assessment.RuleSetVersion);
    }

    [Fact]
    public void Assess_NegativeZero_IsTierOneAtNoughtPounds()
    {
        var assessment = TierAssessor.Assess(Pounds(decimal.Negate(0m)), false, Plymouth);

        Assert.Equal(1, assessment.Tier);
        Assert.StartsWith("£0 is up to £50,000", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_NegativeValue_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TierAssessor.Assess(Pounds(-0.01m), false, Plymouth));
    }

    [Fact]
    public void Assess_UnderAnotherCouncilsRules_UsesTheirBandsAndList()
    {
        var rules = TierRuleSet.Create(2, DateTime.UtcNow, "lead", "Two tiers only", [Pounds(100_000m)],
        [
            new("A", "Talk to people", "Talk to people who use the service.", 1, CommissioningStage.Analyse),
            new("B", "Co-write the specification", "Co-write the specification.", 2, CommissioningStage.Plan),
        ]);

        var small = TierAssessor.Assess(Pounds(100_000m), false, rules);
        var large = TierAssessor.Assess(Pounds(100_000.01m), false, rules);
        var key = TierAssessor.Assess(Pounds(5m), true, rules);

        Assert.Equal(1, small.Tier);
        Assert.Equal(["A"], small.Required.Select(r => r.Code));
        Assert.Equal(2, large.Tier);
        Assert.Equal(["A", "B"], large.Required.Select(r => r.Code));
        Assert.Equal(2, key.Tier);
        Assert.Equal(2, large.RuleSetVersion);
    }

    [Fact]
    public void PlymouthRules_DueStagesMatchTheDomain()
    {
        var due = Plymouth.Requirements.ToDictionary(r => r.Code, r => r.DueBy);

        Assert.Equal(CommissioningStage.Analyse, due["R1"]);
        Assert.Equal(CommissioningStage.Analyse, due["R2"]);
        Assert.Equal(CommissioningStage.Plan, due["R3"]);
        Assert.Equal(CommissioningStage.Plan, due["R4"]);
        Assert.Equal(CommissioningStage.Plan, due["R5"]);
        Assert.Equal(CommissioningStage.Plan, due["R6"]);
        Assert.Equal(CommissioningStage.Analyse, due["R7"]);
    }
}
