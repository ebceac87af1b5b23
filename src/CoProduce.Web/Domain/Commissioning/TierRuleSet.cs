using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Commissioning;

/// <summary>
/// One published version of the procurement-value tier rules: value bands, and the co-production
/// each tier requires. Co-production leads publish new versions; a project keeps the version it
/// was assessed under until a lead re-assesses it onto a newer one, so history is never rewritten.
/// </summary>
public sealed class TierRuleSet
{
    private TierRuleSet()
    {
    }

    public int Id { get; private set; }

    /// <summary>1, 2, 3…: what people see ("rules version 2").</summary>
    public int Version { get; private set; }

    public DateTime EffectiveFromUtc { get; private set; }
    public string PublishedByUserId { get; private set; } = string.Empty;

    /// <summary>What changed and why, in the lead's words.</summary>
    public string ChangeNote { get; private set; } = string.Empty;

    /// <summary>Tiers in order; every tier but the top has an inclusive upper bound. Never changes once published.</summary>
    public IReadOnlyList<TierBand> Bands { get; private set; } = [];

    /// <summary>Requirement definitions, by the tier that introduces them. Never changes once published.</summary>
    public IReadOnlyList<RequirementDefinition> Requirements { get; private set; } = [];

    public int TopTier => Bands.Count;

    /// <summary>Makes a version after checking it with <see cref="TierRuleSetRules.Check"/>.</summary>
    public static TierRuleSet Create(
        int version,
        DateTime effectiveFromUtc,
        string publishedByUserId,
        string changeNote,
        IReadOnlyList<Money> upperBounds,
        IReadOnlyList<RequirementDefinition> requirements)
    {
        var problems = TierRuleSetRules.Check(upperBounds, requirements);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The rule set is not valid: " + string.Join("; ", problems.Select(p => p.Message)));
        }
        return new TierRuleSet
        {
            Version = version,
            EffectiveFromUtc = effectiveFromUtc,
            PublishedByUserId = publishedByUserId,
            ChangeNote = changeNote,
            Bands = BandsFrom(upperBounds),
            Requirements = requirements.OrderBy(r => r.IntroducedAtTier).ThenBy(r => r.Code, StringComparer.Ordinal).ToArray(),
        };
    }

    public static TierBand[] BandsFrom(IReadOnlyList<Money> upperBounds) =>
        [.. upperBounds.Select((bound, i) => new TierBand(i + 1, bound)), new TierBand(upperBounds.Count + 1, null)];

    public IReadOnlyList<Money> UpperBounds => Bands.Where(b => b.UpperBound is not null).Select(b => b.UpperBound!.Value).ToList();

    public RequirementDefinition? Requirement(string code) => Requirements.FirstOrDefault(r => r.Code == code);

    /// <summary>"up to £50,000", "over £50,000 and up to £200,000", "over £3,000,000".</summary>
    public string DescribeBand(int tier)
    {
        var band = Bands.Single(b => b.Tier == tier);
        var lower = Bands.SingleOrDefault(b => b.Tier == tier - 1)?.UpperBound;
        return (lower, band.UpperBound) switch
        {
            (null, { } upper) => $"up to {upper.Format()}",
            ({ } low, { } upper) => $"over {low.Format()} and up to {upper.Format()}",
            ({ } low, null) => $"over {low.Format()}",
            _ => "any value",
        };
    }
}

/// <summary>A value band. The top tier has no upper bound.</summary>
public sealed record TierBand(int Tier, Money? UpperBound);

/// <summary>A piece of co-production that a tier requires, and the stage it must be done by.</summary>
public sealed record RequirementDefinition(
    string Code,
    string ShortName,
    string Wording,
    int IntroducedAtTier,
    CommissioningStage DueBy);

public sealed record RuleSetProblem(string Field, string Message);

/// <summary>What makes a rule set publishable. Used by the lead's edit page and by <see cref="TierRuleSet.Create"/>.</summary>
public static class TierRuleSetRules
{
    public const int CodeMaxLength = 10;
    public const int ShortNameMaxLength = 120;
    public const int WordingMaxLength = 500;

    public static IReadOnlyList<RuleSetProblem> Check(IReadOnlyList<Money> upperBounds, IReadOnlyList<RequirementDefinition> requirements)
    {
        var problems = new List<RuleSetProblem>();
        if (upperBounds.Count == 0)
        {
            problems.Add(new("UpperBounds", "Enter at least one band limit"));
        }
        for (var i = 0; i < upperBounds.Count; i++)
        {
            if (upperBounds[i] <= Money.Zero)
            {
                problems.Add(new($"UpperBounds[{i}]", $"The upper limit of tier {i + 1} must be more than £0"));
            }
            else if (i > 0 && upperBounds[i] <= upperBounds[i - 1])
            {
                problems.Add(new($"UpperBounds[{i}]", $"The upper limit of tier {i + 1} must be more than tier {i}'s ({upperBounds[i - 1].Format()})"));
            }
        }

        var topTier = upperBounds.Count + 1;
        if (requirements.Count == 0)
        {
            problems.Add(new("Requirements", "Enter at least one requirement"));
        }
        for (var i = 0; i < requirements.Count; i++)
        {
            var r = requirements[i];
            if (string.IsNullOrWhiteSpace(r.Code) || r.Code.Length > CodeMaxLength)
            {
                problems.Add(new($"Requirements[{i}].Code", $"Enter a code of up to {CodeMaxLength} characters for requirement {i + 1}"));
            }
            else if (!r.Code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                // Codes appear in web addresses and page anchors.
                problems.Add(new($"Requirements[{i}].Code", $"Use only letters, numbers and hyphens in the code for requirement {i + 1}"));
            }
            else if (requirements.Take(i).Any(other => string.Equals(other.Code, r.Code, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new($"Requirements[{i}].Code", $"Code {r.Code} is used twice: each requirement needs its own code"));
            }
            if (string.IsNullOrWhiteSpace(r.ShortName) || r.ShortName.Length > ShortNameMaxLength)
            {
                problems.Add(new($"Requirements[{i}].ShortName", $"Enter a short name of up to {ShortNameMaxLength} characters for requirement {i + 1}"));
            }
            if (string.IsNullOrWhiteSpace(r.Wording) || r.Wording.Length > WordingMaxLength)
            {
                problems.Add(new($"Requirements[{i}].Wording", $"Enter what requirement {i + 1} asks for, in up to {WordingMaxLength} characters"));
            }
            if (r.IntroducedAtTier < 1 || r.IntroducedAtTier > topTier)
            {
                problems.Add(new($"Requirements[{i}].IntroducedAtTier", $"Select a tier from 1 to {topTier} for requirement {i + 1}"));
            }
            // Review items are ongoing (done again and again while the service runs): they never block.
            if (!Enum.IsDefined(r.DueBy))
            {
                problems.Add(new($"Requirements[{i}].DueBy", $"Select the stage requirement {i + 1} must be met by: Analyse, Plan, Do, or Review for an ongoing item"));
            }
        }
        return problems;
    }
}
