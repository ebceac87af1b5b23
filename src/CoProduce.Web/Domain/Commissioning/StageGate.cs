namespace CoProduce.Web.Domain.Commissioning;

public sealed record GateResult(bool MayLeave, IReadOnlyList<ProjectRequirement> Missing, string? Refusal = null);

/// <summary>
/// A project may leave a stage only when every required item due by then (this stage or an
/// earlier one) has evidence or an approved exception. Review is the last stage.
/// </summary>
public static class StageGate
{
    public static GateResult CheckLeaving(CommissioningStage stage, IEnumerable<ProjectRequirement> requirements)
    {
        if (stage.Next() is null)
        {
            return new GateResult(false, [], "Review is the last stage of the cycle.");
        }
        var missing = requirements
            .Where(r => r.IsRequired && r.DueBy <= stage && !r.IsMet)
            .OrderBy(r => r.DueBy).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new GateResult(missing.Count == 0, missing);
    }
}
