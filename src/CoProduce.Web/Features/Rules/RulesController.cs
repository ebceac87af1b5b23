using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Rules;

/// <summary>
/// Co-production leads keep the tier rules: publish a new version (after previewing its effect
/// on live projects), then choose which projects to re-assess onto it. Nothing is rewritten silently.
/// </summary>
[Authorize(Policy = Policies.RuleSetsManage)]
public sealed class RulesController(CoProduceDbContext db, UserManager<CoProduceUser> users, TimeProvider clock) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("rules")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var versions = await db.TierRuleSets.AsNoTracking().OrderByDescending(r => r.Version).ToListAsync(cancellationToken);
        var counts = await db.CommissioningProjects.GroupBy(p => p.RuleSetVersion)
            .Select(g => new { Version = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Version, g => g.Count, cancellationToken);
        return View(new RulesIndexModel(versions[0], versions.Select(v => (v, counts.GetValueOrDefault(v.Version))).ToList()));
    }

    [HttpGet("rules/new")]
    public async Task<IActionResult> Draft(CancellationToken cancellationToken) =>
        View(new DraftModel(RuleSetForm.From(await LatestAsync(cancellationToken)), null));

    [HttpPost("rules/new")]
    [SubmitOnce]
    public async Task<IActionResult> Draft(RuleSetForm form, CancellationToken cancellationToken)
    {
        var read = form.Read(ModelState);
        if (read is not { } draft || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new DraftModel(form, null));
        }

        var latest = await LatestAsync(cancellationToken);
        var next = TierRuleSet.Create(latest.Version + 1, Now, users.GetUserId(User)!, form.ChangeNote!.Trim(), draft.Bounds, draft.Requirements);
        if (form.Intent != "publish")
        {
            return View(new DraftModel(form, await PreviewAsync(next, onlyOtherVersions: false, cancellationToken)));
        }

        db.TierRuleSets.Add(next);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.RuleSet(next.Version), null, AuditActions.RuleSetPublished,
            $"Tier rules version {next.Version} published: {next.ChangeNote}", users.GetUserId(User)!, Now,
            Summarise(latest), Summarise(next)));
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
            // Another lead published this version number a moment ago.
            ModelState.AddModelError(string.Empty,
                $"Another co-production lead has just published version {next.Version}. Look at it before publishing yours.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(new DraftModel(form, null));
        }
        TempData["Success"] = $"Rules version {next.Version} published. New projects use it from now on. Choose which existing projects to re-assess";
        return RedirectToAction(nameof(Reassess));
    }

    [HttpGet("rules/reassess")]
    public async Task<IActionResult> Reassess(CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        return View(new ReassessModel(latest.Version, await PreviewAsync(latest, onlyOtherVersions: true, cancellationToken)));
    }

    [HttpPost("rules/reassess")]
    public async Task<IActionResult> Reassess(List<int>? projectIds, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        if (projectIds is not { Count: > 0 })
        {
            ModelState.AddModelError("projectIds", "Select at least one project to re-assess");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new ReassessModel(latest.Version, await PreviewAsync(latest, onlyOtherVersions: true, cancellationToken)));
        }

        var chosen = await db.CommissioningProjects.Include(p => p.Requirements)
            .Where(p => projectIds.Contains(p.Id) && p.RuleSetVersion != latest.Version)
            .ToListAsync(cancellationToken);
        var me = users.GetUserId(User)!;
        foreach (var project in chosen)
        {
            var before = $"Tier {project.Tier} under rules version {project.RuleSetVersion}";
            var changes = project.Assess(latest);
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.ProjectReassessed,
                $"Re-assessed under rules version {latest.Version}. " + string.Join(" ", changes), me, Now,
                before, $"Tier {project.Tier} under rules version {project.RuleSetVersion}"));
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = chosen.Count == 1 ? "1 project re-assessed" : $"{chosen.Count} projects re-assessed";
        return RedirectToAction(nameof(Index));
    }

    private Task<TierRuleSet> LatestAsync(CancellationToken cancellationToken) =>
        db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync(cancellationToken);

    /// <summary>What the rule set would do to each project: its tier, and what it would add or drop.</summary>
    private async Task<IReadOnlyList<ProjectEffect>> PreviewAsync(TierRuleSet rules, bool onlyOtherVersions, CancellationToken cancellationToken)
    {
        var projects = await db.CommissioningProjects.AsNoTracking()
            .Where(p => !onlyOtherVersions || p.RuleSetVersion != rules.Version)
            .OrderBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.Stage, p.Tier, p.RuleSetVersion, p.EstimatedValue, p.IsKeyDecision,
                Required = p.Requirements.Where(r => r.IsRequired).Select(r => r.Code).ToList() })
            .ToListAsync(cancellationToken);
        return projects.Select(p =>
        {
            var assessment = TierAssessor.Assess(p.EstimatedValue, p.IsKeyDecision, rules);
            var codes = assessment.Required.Select(r => r.Code).ToList();
            return new ProjectEffect(p.Id, p.Title, p.Stage, p.RuleSetVersion, p.Tier, assessment.Tier,
                codes.Except(p.Required).ToList(), p.Required.Except(codes).ToList());
        }).ToList();
    }

    private static string Summarise(TierRuleSet rules) =>
        $"Version {rules.Version}: bands up to {string.Join(", ", rules.UpperBounds.Select(b => b.Format()))}; " +
        string.Join("; ", rules.Requirements.Select(r => $"{r.Code} tier {r.IntroducedAtTier} by {r.DueBy}"));
}

public sealed record RulesIndexModel(TierRuleSet Current, IReadOnlyList<(TierRuleSet RuleSet, int Projects)> Versions);

public sealed record DraftModel(RuleSetForm Form, IReadOnlyList<ProjectEffect>? Preview)
{
    // The form's fields, named as they are posted.
    public List<string?> UpperBounds => Form.UpperBounds;
    public List<RequirementInput> Requirements => Form.Requirements;
    public string? ChangeNote => Form.ChangeNote;
}

public sealed record ReassessModel(int Version, IReadOnlyList<ProjectEffect> Projects);

public sealed record ProjectEffect(int Id, string Title, CommissioningStage Stage, int CurrentVersion, int CurrentTier, int NewTier,
    IReadOnlyList<string> Added, IReadOnlyList<string> Dropped)
{
    public bool Changes => CurrentTier != NewTier || Added.Count > 0 || Dropped.Count > 0;
}
