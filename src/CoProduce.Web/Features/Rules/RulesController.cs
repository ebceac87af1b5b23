using CoProduce.Web.Data;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Rules;

/// <summary>
/// Co-production leads keep the tier rules: publish a new version (after previewing its effect
/// on live projects), then choose which projects to re-assess onto it. Nothing is rewritten silently.
/// </summary>
[Authorize(Policy = Policies.RuleSetsManage)]
public sealed class RulesController(RuleSetService rules, RulePages pages, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("rules")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await pages.IndexAsync(cancellationToken));

    [HttpGet("rules/new")]
    public async Task<IActionResult> Draft(CancellationToken cancellationToken) =>
        View(new DraftModel(await pages.DraftFormAsync(cancellationToken), null));

    [HttpPost("rules/new")]
    [SubmitOnce]
    public async Task<IActionResult> Draft(RuleSetForm form, CancellationToken cancellationToken)
    {
        var read = form.Read(ModelState);
        if (read is not { } checkedDraft || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new DraftModel(form, null));
        }

        var draft = new RuleSetDraft(checkedDraft.Bounds, checkedDraft.Requirements, form.ChangeNote!.Trim());
        if (form.Intent != "publish")
        {
            return View(new DraftModel(form, await pages.PreviewAsync(draft, Me, cancellationToken)));
        }
        var outcome = await rules.PublishAsync(draft, Me, cancellationToken);
        if (!outcome.Published)
        {
            ModelState.AddModelError(string.Empty,
                $"Another co-production lead has just published version {outcome.Version}. Look at it before publishing yours.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(new DraftModel(form, null));
        }
        TempData["Success"] = $"Rules version {outcome.Version} published. New projects use it from now on. Choose which existing projects to re-assess";
        return RedirectToAction(nameof(Reassess));
    }

    [HttpGet("rules/reassess")]
    public async Task<IActionResult> Reassess(CancellationToken cancellationToken) =>
        View(await pages.ReassessAsync(cancellationToken));

    [HttpPost("rules/reassess")]
    public async Task<IActionResult> Reassess(List<int>? projectIds, CancellationToken cancellationToken)
    {
        if (projectIds is not { Count: > 0 })
        {
            ModelState.AddModelError("projectIds", "Select at least one project to re-assess");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await pages.ReassessAsync(cancellationToken));
        }
        var moved = await rules.ReassessAsync(projectIds, Me, cancellationToken);
        TempData["Success"] = moved == 1 ? "1 project re-assessed" : $"{moved} projects re-assessed";
        return RedirectToAction(nameof(Index));
    }
}

public sealed record RulesIndexModel(CurrentRules Current, IReadOnlyList<RuleSetVersionRow> Versions);

/// <summary>The rules in use now, tier by tier.</summary>
public sealed record CurrentRules(int Version, DateTime EffectiveFromUtc, string ChangeNote, IReadOnlyList<TierRow> Tiers);

/// <param name="Values">The values in the tier, in words ("over £50,000 and up to £200,000").</param>
/// <param name="Adds">The requirements the tier adds, each as "R4 Short name (by the end of Plan)".</param>
public sealed record TierRow(int Tier, string Values, IReadOnlyList<string> Adds);

public sealed record RuleSetVersionRow(int Version, DateTime EffectiveFromUtc, string ChangeNote, int Projects);

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
