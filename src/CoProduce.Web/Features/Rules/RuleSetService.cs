using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Rules;

/// <summary>
/// Changes to the tier rules: publishing a new version, and re-assessing chosen projects onto it.
/// The domain decides (<see cref="TierRuleSet"/>, <see cref="CommissioningProject.Assess"/>); this
/// class writes the audit entry beside each change and saves once.
/// </summary>
public sealed class RuleSetService(CoProduceDbContext db, TimeProvider clock)
{
    /// <summary>The user id that start-up work is recorded under.</summary>
    public const string StartUp = "system";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<TierRuleSet> LatestAsync(CancellationToken cancellationToken) =>
        db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync(cancellationToken);

    /// <summary>The version that publishing this draft would make, not saved: for a preview.</summary>
    public async Task<TierRuleSet> NextVersionAsync(RuleSetDraft draft, string userId, CancellationToken cancellationToken) =>
        Next(await LatestAsync(cancellationToken), draft, userId);

    /// <summary>
    /// Publishes the draft as the next version, with its audit entry. Refused (Published false) when
    /// another lead has just published a version with the same number.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(RuleSetDraft draft, string userId, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        var next = Next(latest, draft, userId);
        db.TierRuleSets.Add(next);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.RuleSet(next.Version), null, AuditActions.RuleSetPublished,
            $"Tier rules version {next.Version} published: {next.ChangeNote}", userId, Now, Summarise(latest), Summarise(next)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.TierRuleSets.AnyAsync(r => r.Version == next.Version, cancellationToken))
            {
                throw;
            }
            return new(next.Version, Published: false);
        }
        return new(next.Version, Published: true);
    }

    /// <summary>Re-assesses the chosen projects that are not yet on the latest version onto it. Returns how many moved.</summary>
    public async Task<int> ReassessAsync(IReadOnlyCollection<int> projectIds, string userId, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        var chosen = await db.CommissioningProjects.Include(p => p.Requirements)
            .Where(p => projectIds.Contains(p.Id) && p.RuleSetVersion != latest.Version)
            .ToListAsync(cancellationToken);
        foreach (var project in chosen)
        {
            var before = $"Tier {project.Tier} under rules version {project.RuleSetVersion}";
            var changes = project.Assess(latest);
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.ProjectReassessed,
                $"Re-assessed under rules version {latest.Version}. " + string.Join(" ", changes), userId, Now,
                before, $"Tier {project.Tier} under rules version {project.RuleSetVersion}"));
        }
        await db.SaveChangesAsync(cancellationToken);
        return chosen.Count;
    }

    /// <summary>
    /// Projects made before the tier rules existed have no tier: assesses them under the first rule
    /// set, once, with an audit entry, so that none can slip through the stage gates. Run at start-up.
    /// </summary>
    public async Task AssessUnassessedProjectsAsync(CancellationToken cancellationToken)
    {
        var unassessed = await db.CommissioningProjects.Include(p => p.Requirements).Where(p => p.RuleSetVersion == 0).ToListAsync(cancellationToken);
        if (unassessed.Count == 0)
        {
            return;
        }
        var first = await db.TierRuleSets.OrderBy(r => r.Version).FirstAsync(cancellationToken);
        foreach (var project in unassessed)
        {
            project.Assess(first);
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.ProjectReassessed,
                $"Assessed under rules version {first.Version} when the tier rules were introduced. {project.TierReason}.", StartUp, Now));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private TierRuleSet Next(TierRuleSet latest, RuleSetDraft draft, string userId) =>
        TierRuleSet.Create(latest.Version + 1, Now, userId, draft.ChangeNote, draft.Bounds, draft.Requirements);

    private static string Summarise(TierRuleSet rules) =>
        $"Version {rules.Version}: bands up to {string.Join(", ", rules.UpperBounds.Select(b => b.Format()))}; " +
        string.Join("; ", rules.Requirements.Select(r => $"{r.Code} tier {r.IntroducedAtTier} by {r.DueBy}"));
}

/// <summary>A next version of the tier rules, as a lead drafted it (already checked by <see cref="TierRuleSetRules"/>).</summary>
public sealed record RuleSetDraft(IReadOnlyList<Money> Bounds, IReadOnlyList<RequirementDefinition> Requirements, string ChangeNote);

/// <summary>The version number a publish was for, and whether it was published (false: another lead took that number first).</summary>
public sealed record PublishOutcome(int Version, bool Published);
