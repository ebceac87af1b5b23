using static CoProduce.UnitTests.TestMoney;
using CoProduce.Web.Domain.Commissioning;

namespace CoProduce.UnitTests.Commissioning;

/// <summary>The gate for every stage: what blocks leaving it, and what does not.</summary>
public sealed class StageGateTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TierRuleSet Plymouth = PlymouthRules.Create("lead", Now);

    private static CommissioningProject Project(decimal value, bool keyDecision = false)
    {
        var project = new CommissioningProject("Project", "Area", "Summary", "owner", Pounds(value), keyDecision, Now);
        project.Assess(Plymouth);
        return project;
    }

    private static void Meet(CommissioningProject project, params string[] codes)
    {
        foreach (var code in codes)
        {
            project.Requirement(code)!.AddEvidence("Workshop", new DateOnly(2026, 11, 1), 6, string.Empty, "owner", Now);
        }
    }

    public static TheoryData<CommissioningStage, string[], string[]> Cases => new()
    {
        // stage to leave, codes met, codes still missing (tier 4: R1–R6)
        { CommissioningStage.Analyse, [], ["R1", "R2"] },
        { CommissioningStage.Analyse, ["R1"], ["R2"] },
        { CommissioningStage.Analyse, ["R1", "R2"], [] },
        { CommissioningStage.Plan, ["R1", "R2"], ["R3", "R4", "R5", "R6"] },
        { CommissioningStage.Plan, ["R1", "R2", "R3", "R4", "R5"], ["R6"] },
        { CommissioningStage.Plan, ["R1", "R2", "R3", "R4", "R5", "R6"], [] },
        // Nothing is due by the end of Do, but anything earlier still unmet blocks it.
        { CommissioningStage.Do, ["R1", "R2", "R3", "R4", "R5", "R6"], [] },
        { CommissioningStage.Do, ["R2", "R3", "R4", "R5", "R6"], ["R1"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CheckLeaving_Tier4(CommissioningStage stage, string[] met, string[] missing)
    {
        var project = Project(650_000m);
        Meet(project, met);

        var gate = StageGate.CheckLeaving(stage, project.Requirements);

        Assert.Equal(missing, gate.Missing.Select(r => r.Code));
        Assert.Equal(missing.Length == 0, gate.MayLeave);
    }

    [Fact]
    public void CheckLeaving_Review_IsTheLastStage()
    {
        var project = Project(10m);

        var gate = StageGate.CheckLeaving(CommissioningStage.Review, project.Requirements);

        Assert.False(gate.MayLeave);
        Assert.Equal("Review is the last stage of the cycle.", gate.Refusal);
    }

    [Fact]
    public void CheckLeaving_ApprovedException_CountsAsMet_DeclinedOrPendingDoesNot()
    {
        var project = Project(10m);
        Meet(project, "R1");
        var request = project.Requirement("R2")!.RequestException("No one to ask yet", "owner", Now);

        Assert.Equal(["R2"], project.CheckLeavingStage().Missing.Select(r => r.Code));
        request.Decide(ExceptionDecision.Declined, "Ask the carers' forum", "lead", deciderIsCoProductionLead: true, Now);
        Assert.Equal(["R2"], project.CheckLeavingStage().Missing.Select(r => r.Code));

        var second = project.Requirement("R2")!.RequestException("The forum has closed", "owner", Now.AddDays(1));
        second.Decide(ExceptionDecision.Approved, "Agreed: recorded with the forum's letter", "lead", deciderIsCoProductionLead: true, Now.AddDays(1));
        Assert.True(project.CheckLeavingStage().MayLeave);
    }

    [Fact]
    public void MoveToNextStage_WhenAllowed_RecordsTheMove()
    {
        var project = Project(10m);
        Meet(project, "R1", "R2");

        var gate = project.MoveToNextStage("owner", "Findings reviewed", Now);

        Assert.True(gate.MayLeave);
        Assert.Equal(CommissioningStage.Plan, project.Stage);
        var move = Assert.Single(project.StageMoves);
        Assert.Equal((CommissioningStage.Analyse, CommissioningStage.Plan, "owner", Now, "Findings reviewed"), (move.From, move.To, move.ByUserId, move.AtUtc, move.Note));
    }

    [Fact]
    public void MoveToNextStage_WhenBlocked_StaysAndRecordsNothing()
    {
        var project = Project(10m);

        var gate = project.MoveToNextStage("owner", string.Empty, Now);

        Assert.False(gate.MayLeave);
        Assert.Equal(CommissioningStage.Analyse, project.Stage);
        Assert.Empty(project.StageMoves);
    }
}
