using CoProduce.Web.Data;
using CoProduce.Web.Domain.Commissioning;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Rules;

/// <summary>Reads the tier rules pages as flat read models. Changes go through <see cref="RuleSetService"/>.</summary>
public sealed class RulePages(CoProduceDbContext db, RuleSetService rules)
{
    /// <summary>The current rules, tier by tier, and every version with how many projects use it.</summary>
    public async Task<RulesIndexModel> IndexAsync(CancellationToken cancellationToken)
    {
        var versions = await db.TierRuleSets.AsNoTracking().OrderByDescending(r => r.Version).ToListAsync(cancellationToken);
        var counts = await db.CommissioningProjects.GroupBy(p => p.RuleSetVersion)
            .Select(g => new { Version = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Version, g => g.Count, cancellationToken);
        var current = versions[0];
        var tiers = current.Bands
            .Select(band => new TierRow(
                band.Tier,
                current.DescribeBand(band.Tier) + (band.Tier == current.TopTier ? ", or any key decision" : string.Empty),
                current.Requirements.Where(r => r.IntroducedAtTier == band.Tier).Select(r => $"{r.Code} {r.ShortName} ({(r.DueBy == CommissioningStage.Review ? "ongoing while the service runs" : $"by the end of {r.DueBy}")})").ToList()))
            .ToList();
        return new RulesIndexModel(
            new CurrentRules(current.Version, current.EffectiveFromUtc, current.ChangeNote, tiers),
            versions.Select(v => new RuleSetVersionRow(v.Version, v.EffectiveFromUtc, v.ChangeNote, counts.GetValueOrDefault(v.Version))).ToList());
    }

    /// <summary>The draft form, filled in from the latest version.</summary>
    public async Task<RuleSetForm> DraftFormAsync(CancellationToken cancellationToken) =>
        RuleSetForm.From(await rules.LatestAsync(cancellationToken));

    /// <summary>What publishing the draft would do to every project.</summary>
    public async Task<IReadOnlyList<ProjectEffect>> PreviewAsync(RuleSetDraft draft, string userId, CancellationToken cancellationToken) =>
        await EffectsAsync(await rules.NextVersionAsync(draft, userId, cancellationToken), onlyOtherVersions: false, cancellationToken);

    /// <summary>The projects not yet on the latest version, and what moving each onto it would do.</summary>
    public async Task<ReassessModel> ReassessAsync(CancellationToken cancellationToken)
    {
        var latest = await rules.LatestAsync(cancellationToken);
        return new ReassessModel(latest.Version, await EffectsAsync(latest, onlyOtherVersions: true, cancellationToken));
    }

    /// <summary>What the rule set would do to each project: its tier, and what it would add or drop.</summary>
    private async Task<IReadOnlyList<ProjectEffect>> EffectsAsync(TierRuleSet ruleSet, bool onlyOtherVersions, CancellationToken cancellationToken)
    {
        var projects = await db.CommissioningProjects.AsNoTracking()
            .Where(p => !onlyOtherVersions || p.RuleSetVersion != ruleSet.Version)
            .OrderBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.Stage, p.Tier, p.RuleSetVersion, p.EstimatedValue, p.IsKeyDecision,
                Required = p.Requirements.Where(r => r.IsRequired).Select(r => r.Code).ToList() })
            .ToListAsync(cancellationToken);
        return projects.Select(p =>
        {
            var assessment = TierAssessor.Assess(p.EstimatedValue, p.IsKeyDecision, ruleSet);
            var codes = assessment.Required.Select(r => r.Code).ToList();
            return new ProjectEffect(p.Id, p.Title, p.Stage, p.RuleSetVersion, p.Tier, assessment.Tier,
                codes.Except(p.Required).ToList(), p.Required.Except(codes).ToList());
        }).ToList();
    }
}
