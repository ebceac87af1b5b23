using static CoProduce.UnitTests.TestMoney;
using CoProduce.Web.Domain.Commissioning;

namespace CoProduce.UnitTests.Commissioning;

/// <summary>Segregation of duties on exceptions: only a lead decides, never on their own request.</summary>
public sealed class ExceptionRequestTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static ProjectRequirement Requirement()
    {
        var project = new CommissioningProject("Project", "Area", "Summary", "owner", Pounds(10m), false, Now);
        project.Assess(PlymouthRules.Create("lead", Now));
        return project.Requirement("R2")!;
    }

    [Fact]
    public void RequestException_ThroughTheProject_ChangesTheProjectSoItsVersionGuardsTheRequest()
    {
        var project = new CommissioningProject("Project", "Area", "Summary", "owner", Pounds(10m), false, Now);
        project.Assess(PlymouthRules.Create("lead", Now));

        var request = project.RequestException("R2", "Nobody to ask", "owner", Now.AddHours(1));

        Assert.Same(request, project.Requirement("R2")!.Exceptions.Single());
        Assert.Equal(Now.AddHours(1), project.UpdatedUtc);
        Assert.Throws<ArgumentException>(() => project.RequestException("R99", "No such requirement", "owner", Now));
    }

    public static TheoryData<string, bool, string?> Deciders => new()
    {
        // decider, is a lead, refusal (null = allowed)
        { "lead", true, null },
        { "commissioner", false, "Only a co-production lead can decide on an exception." },
        { "requester", true, "You asked for this exception, so another co-production lead must decide on it." },
        { "requester", false, "Only a co-production lead can decide on an exception." },
    };

    [Theory]
    [MemberData(nameof(Deciders))]
    public void Decide_WhoMayDecide(string decider, bool isLead, string? refusal)
    {
        var request = Requirement().RequestException("No carers' group meets in the area", "requester", Now);

        var error = Record.Exception(() => request.Decide(ExceptionDecision.Approved, "Fine", decider, isLead, Now));

        Assert.Equal(refusal, error?.Message);
        Assert.Equal(refusal is null ? ExceptionDecision.Approved : null, request.Decision);
    }

    [Fact]
    public void Decide_Twice_IsRefused()
    {
        var request = Requirement().RequestException("Reason", "requester", Now);
        request.Decide(ExceptionDecision.Declined, "No", "lead", true, Now);

        Assert.Throws<ExceptionDecisionRefusedException>(() => request.Decide(ExceptionDecision.Approved, "Yes", "lead", true, Now));
    }

    [Fact]
    public void RequestException_WhileOneIsWaiting_IsRefused()
    {
        var requirement = Requirement();
        requirement.RequestException("First", "requester", Now);

        Assert.Throws<InvalidOperationException>(() => requirement.RequestException("Second", "requester", Now));
    }

    [Fact]
    public void RequestException_WhenEvidenced_IsRefused()
    {
        var requirement = Requirement();
        requirement.AddEvidence("EIA workshop", new DateOnly(2026, 11, 1), 5, string.Empty, "owner", Now);

        Assert.Throws<InvalidOperationException>(() => requirement.RequestException("Reason", "requester", Now));
    }

    [Fact]
    public void Status_FollowsEvidenceThenLatestException()
    {
        var requirement = Requirement();
        Assert.Equal(RequirementStatus.Outstanding, requirement.Status);

        var request = requirement.RequestException("Reason", "requester", Now);
        Assert.Equal(RequirementStatus.ExceptionRequested, requirement.Status);

        request.Decide(ExceptionDecision.Declined, "Try the forum", "lead", true, Now);
        Assert.Equal(RequirementStatus.ExceptionDeclined, requirement.Status);

        requirement.AddEvidence("Forum session", new DateOnly(2026, 11, 2), 8, string.Empty, "owner", Now);
        Assert.Equal(RequirementStatus.Evidenced, requirement.Status);
    }
}
