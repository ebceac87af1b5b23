using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Commissioning;

/// <summary>
/// The first rule set: Plymouth City Council's Contract Standing Orders (July 2024), read as a
/// cumulative staircase. Seeded once; co-production leads publish later versions in the portal.
/// </summary>
public static class PlymouthRules
{
    public static readonly IReadOnlyList<Money> UpperBounds =
        [Money.FromPounds(50_000m), Money.FromPounds(200_000m), Money.FromPounds(500_000m), Money.FromPounds(3_000_000m)];

    public static readonly IReadOnlyList<RequirementDefinition> Requirements =
    [
        new("R1", "Engagement findings shape the service specification",
            "Review relevant findings from local and national engagement activities and research to identify themes that shape the service specification.",
            1, CommissioningStage.Analyse),
        new("R2", "Co-produced equality impact assessment (EIA)",
            "Co-produce the equality impact assessment (EIA) with key stakeholders, including people who have relevant lived experience.",
            1, CommissioningStage.Analyse),
        new("R3", "Co-produced climate impact assessment (CIA)",
            "Co-produce the climate impact assessment (CIA) with key stakeholders, including people who have relevant lived experience.",
            1, CommissioningStage.Plan),
        new("R4", "Engagement findings shape the business case",
            "Review relevant findings from local and national engagement activities and research to identify themes that shape the business case.",
            2, CommissioningStage.Plan),
        new("R5", "Co-produced method statement question",
            "Co-produce at least one method statement question with people who have relevant lived experience, or those who represent them, before the tender is published.",
            3, CommissioningStage.Plan),
        new("R6", "Co-produced service specification",
            "Co-produce the service specification with key stakeholders, including people who have relevant lived experience.",
            4, CommissioningStage.Plan),
        new("R7", "Appreciative Enquiry interviews",
            "Carry out Appreciative Enquiry interviews to shape the commissioning intentions.",
            5, CommissioningStage.Analyse),
    ];

    public static TierRuleSet Create(string publishedByUserId, DateTime effectiveFromUtc) =>
        TierRuleSet.Create(1, effectiveFromUtc, publishedByUserId,
            "Plymouth City Council Contract Standing Orders (July 2024), section 5 of the Co-production Commissioning Toolkit.",
            UpperBounds, Requirements);
}
