using static CoProduce.UnitTests.TestMoney;
using CoProduce.Web.Domain.Commissioning;

namespace CoProduce.UnitTests.Commissioning;

public sealed class TierRuleSetRulesTests
{
    private static readonly RequirementDefinition Valid = new("R1", "Short name", "Wording", 1, CommissioningStage.Analyse);

    public static TheoryData<decimal[], string?> BandCases => new()
    {
        { [50_000m, 200_000m], null },
        { [1m], null },
        { [], "Enter at least one band limit" },
        { [0m], "The upper limit of tier 1 must be more than £0" },
        { [-5m, 10m], "The upper limit of tier 1 must be more than £0" },
        { [50_000m, 50_000m], "The upper limit of tier 2 must be more than tier 1's (£50,000)" },
        { [50_000m, 40_000m], "The upper limit of tier 2 must be more than tier 1's (£50,000)" },
    };

    [Theory]
    [MemberData(nameof(BandCases))]
    public void Check_Bands(decimal[] bounds, string? expected)
    {
        var problems = TierRuleSetRules.Check(bounds.Select(Pounds).ToList(), [Valid]);

        Assert.Equal(expected, problems.FirstOrDefault()?.Message);
    }

    public static TheoryData<RequirementDefinition, string?> RequirementCases => new()
    {
        { Valid, null },
        { Valid with { IntroducedAtTier = 3 }, null },
        { Valid with { IntroducedAtTier = 0 }, "Select a tier from 1 to 3 for requirement 1" },
        { Valid with { IntroducedAtTier = 4 }, "Select a tier from 1 to 3 for requirement 1" },
        { Valid with { DueBy = CommissioningStage.Review }, null },
        { Valid with { DueBy = (CommissioningStage)9 }, "Select the stage requirement 1 must be met by: Analyse, Plan, Do, or Review for an ongoing item" },
        { Valid with { Code = "" }, "Enter a code of up to 10 characters for requirement 1" },
        { Valid with { Code = "R-8b" }, null },
        { Valid with { Code = "R/8" }, "Use only letters, numbers and hyphens in the code for requirement 1" },
        { Valid with { Code = "R 8" }, "Use only letters, numbers and hyphens in the code for requirement 1" },
        { Valid with { ShortName = " " }, "Enter a short name of up to 120 characters for requirement 1" },
        { Valid with { Wording = "" }, "Enter what requirement 1 asks for, in up to 500 characters" },
    };

    [Theory]
    [MemberData(nameof(RequirementCases))]
    public void Check_Requirements(RequirementDefinition requirement, string? expected)
    {
        var problems = TierRuleSetRules.Check([Pounds(50_000m), Pounds(200_000m)], [requirement]);

        Assert.Equal(expected, problems.FirstOrDefault()?.Message);
    }

    [Fact]
    public void Check_DuplicateCodes_AreRefused()
    {
        var problems = TierRuleSetRules.Check([Pounds(50_000m)], [Valid, Valid with { Code = "r1" }]);

        Assert.Equal("Code r1 is used twice: each requirement needs its own code", Assert.Single(problems).Message);
    }

    [Fact]
    public void Create_Invalid_Throws()
    {
        Assert.Throws<ArgumentException>(() => TierRuleSet.Create(2, DateTime.UtcNow, "lead", "note", [Pounds(10m), Pounds(5m)], [Valid]));
    }
}
