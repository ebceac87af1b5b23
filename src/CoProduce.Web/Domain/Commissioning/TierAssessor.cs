using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Commissioning;

/// <summary>The outcome of assessing a procurement against a rule set.</summary>
public sealed record TierAssessment(int Tier, IReadOnlyList<RequirementDefinition> Required, string Reason, int RuleSetVersion);

/// <summary>
/// Value + key decision + rule set → tier and the cumulative list of required co-production.
/// Each band's upper bound is inclusive; a key decision is the top tier whatever the value.
/// </summary>
public static class TierAssessor
{
    public static TierAssessment Assess(Money value, bool isKeyDecision, TierRuleSet rules)
    {
        if (value.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A value is never negative.");
        }
        ArgumentNullException.ThrowIfNull(rules);

        int tier;
        string reason;
        if (isKeyDecision)
        {
            tier = rules.TopTier;
            reason = $"This is a key decision, so it is tier {tier} whatever its value";
        }
        else
        {
            tier = rules.Bands.First(b => b.UpperBound is null || value <= b.UpperBound).Tier;
            reason = $"{value.Format()} is {rules.DescribeBand(tier)}, so this is tier {tier}";
        }

        var required = rules.Requirements.Where(r => r.IntroducedAtTier <= tier).ToList();
        return new TierAssessment(tier, required, reason, rules.Version);
    }
}
