namespace CoProduce.Web.Domain.Commissioning;

/// <summary>The four stages of the commissioning cycle, in order.</summary>
public enum CommissioningStage
{
    Analyse = 1,
    Plan = 2,
    Do = 3,
    Review = 4,
}

public static class CommissioningStages
{
    public static readonly IReadOnlyList<CommissioningStage> InOrder =
        [CommissioningStage.Analyse, CommissioningStage.Plan, CommissioningStage.Do, CommissioningStage.Review];

    /// <summary>The stage after this one, or null after Review (the last).</summary>
    public static CommissioningStage? Next(this CommissioningStage stage) =>
        stage == CommissioningStage.Review ? null : stage + 1;

    public static string Describe(this CommissioningStage stage) => stage switch
    {
        CommissioningStage.Analyse => "Analyse: understand need",
        CommissioningStage.Plan => "Plan: business case and service specification",
        CommissioningStage.Do => "Do: tender, award and mobilise",
        CommissioningStage.Review => "Review: monitor and learn",
        _ => stage.ToString(),
    };
}
