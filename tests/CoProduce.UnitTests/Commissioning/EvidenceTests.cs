using static CoProduce.UnitTests.TestMoney;
using CoProduce.Web.Domain.Commissioning;

namespace CoProduce.UnitTests.Commissioning;

/// <summary>Evidence keeps the activity it was recorded from, when it was; only a saved activity can be named.</summary>
public sealed class EvidenceTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static ProjectRequirement Requirement()
    {
        var project = new CommissioningProject("Project", "Area", "Summary", "owner", Pounds(10m), false, Now);
        project.Assess(PlymouthRules.Create("lead", Now));
        return project.Requirement("R1")!;
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(42, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    public void AddEvidence_FromAnActivity_KeepsItsIdWhenItIsASavedOne(int? activityId, bool allowed)
    {
        var requirement = Requirement();

        var error = Record.Exception(() => requirement.AddEvidence("Workshop", new DateOnly(2026, 11, 1), 4, string.Empty, "owner", Now, activityId));

        Assert.Equal(allowed, error is null);
        Assert.Equal(allowed ? [activityId] : Array.Empty<int?>(), requirement.Evidence.Select(e => e.ActivityId));
        Assert.Equal(allowed ? RequirementStatus.Evidenced : RequirementStatus.Outstanding, requirement.Status);
    }
}
