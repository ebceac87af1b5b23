using static CoProduce.UnitTests.TestMoney;
using CoProduce.Web.Domain.Commissioning;

namespace CoProduce.UnitTests.Commissioning;

public sealed class ReassessmentTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TierRuleSet Plymouth = PlymouthRules.Create("lead", Now);

    private static CommissioningProject Tier4ProjectInPlan()
    {
        var project = new CommissioningProject("Short breaks", "Children", "Summary", "owner", Pounds(650_000m), false, Now);
        project.Assess(Plymouth);
        project.Requirement("R1")!.AddEvidence("Reviewed findings", new DateOnly(2026, 10, 1), 4, string.Empty, "owner", Now);
        project.Requirement("R2")!.AddEvidence("EIA workshop", new DateOnly(2026, 10, 2), 6, string.Empty, "owner", Now);
        project.MoveToNextStage("owner", string.Empty, Now);
        return project;
    }

    [Fact]
    public void FirstAssessment_AddsEveryRequirementQuietly()
    {
        var project = new CommissioningProject("Project", "Area", "Summary", "owner", Pounds(650_000m), false, Now);

        var changes = project.Assess(Plymouth);

        Assert.Empty(changes);
        Assert.Equal(4, project.Tier);
        Assert.Equal(["R1", "R2", "R3", "R4", "R5", "R6"], project.Requirements.Select(r => r.Code));
        Assert.All(project.Requirements, r => Assert.Equal(RequirementStatus.Outstanding, r.Status));
        Assert.Equal("£650,000 is over £500,000 and up to £3,000,000, so this is tier 4", project.TierReason);
    }

    [Fact]
    public void RaisingToTier5_AfterAnalyse_AddsAppreciativeEnquiryAsOverdue()
    {
        var project = Tier4ProjectInPlan();

        var changes = project.ChangeValue(Pounds(3_500_000m), false, Plymouth, Now);

        Assert.Equal(5, project.Tier);
        Assert.Equal(
        [
            "This project is now tier 5 (it was tier 4). £3,500,000 is over £3,000,000, so this is tier 5.",
            "Now required: Appreciative Enquiry interviews, by the end of Analyse. This is overdue: the project is past Analyse.",
        ], changes);
        var r7 = project.Requirement("R7")!;
        Assert.Equal(RequirementStatus.Outstanding, r7.Status);
        Assert.True(r7.IsOverdue(project.Stage));
        // Evidence already recorded is kept.
        Assert.Equal(RequirementStatus.Evidenced, project.Requirement("R1")!.Status);
        // And the overdue item now blocks leaving Plan, with Plan's own items.
        Assert.Contains("R7", project.CheckLeavingStage().Missing.Select(r => r.Code));
    }

    [Fact]
    public void KeyDecisionFlag_RaisesToTopTier()
    {
        var project = Tier4ProjectInPlan();

        project.ChangeValue(Pounds(650_000m), true, Plymouth, Now);

        Assert.Equal(5, project.Tier);
        Assert.NotNull(project.Requirement("R7"));
    }

    [Fact]
    public void LoweringTheValue_KeepsRecordsButNoLongerRequiresThem()
    {
        var project = Tier4ProjectInPlan();

        var changes = project.ChangeValue(Pounds(40_000m), false, Plymouth, Now);

        Assert.Equal(1, project.Tier);
        Assert.Contains("Co-produced service specification is no longer required. Anything recorded for it is kept.", changes);
        var r6 = project.Requirement("R6")!;
        Assert.False(r6.IsRequired);
        Assert.DoesNotContain(r6, project.CheckLeavingStage().Missing);
        Assert.Equal(6, project.Requirements.Count);
    }

    [Fact]
    public void SameTier_ReportsNoChange()
    {
        var project = Tier4ProjectInPlan();

        var changes = project.ChangeValue(Pounds(700_000m), false, Plymouth, Now);

        Assert.Empty(changes);
        Assert.Equal("£700,000 is over £500,000 and up to £3,000,000, so this is tier 4", project.TierReason);
    }

    [Fact]
    public void NewRuleSetVersion_IsNamedInTheChanges()
    {
        var project = Tier4ProjectInPlan();
        var stricter = TierRuleSet.Create(2, Now, "lead", "Lower top band", [Pounds(50_000m), Pounds(200_000m), Pounds(500_000m), Pounds(600_000m)], PlymouthRules.Requirements);

        var changes = project.Assess(stricter);

        Assert.Equal(5, project.Tier);
        Assert.Equal(2, project.RuleSetVersion);
        Assert.Contains("Now assessed under rules version 2 (it was version 1).", changes);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(-1)]
    [InlineData(100_000_000_000.01)]
    public void ChangeValue_Invalid_IsRefused(decimal value)
    {
        var project = Tier4ProjectInPlan();

        Assert.Throws<ArgumentOutOfRangeException>(() => project.ChangeValue(Pounds(value), false, Plymouth, Now));
    }
}
