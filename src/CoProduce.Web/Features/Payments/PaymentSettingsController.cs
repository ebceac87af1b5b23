using CoProduce.Web.Data;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// The co-production lead's payment settings: the hub that links them, the benefit limits (dated
/// sets with their source), and the advice link and second-approval amount.
/// </summary>
[Authorize(Policy = Policies.PaymentsManage)]
[Route("payments")]
public sealed class PaymentSettingsController(BenefitLimitsService limits, PaymentSettingsService settings, PaymentPages pages,
    UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("")]
    public IActionResult Hub() => View();

    [HttpGet("settings")]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken) => View(await pages.SettingsFormAsync(cancellationToken));

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(PaymentSettingsForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var problems = await settings.ChangeAsync(form.WelfareRightsAdviceName, form.WelfareRightsAdviceLink, PaymentInput.Read(form.SecondApprovalAbove)!.Value,
                form.Version, Me, cancellationToken);
            if (Show(problems, ModelState))
            {
                TempData["Success"] = "Payment settings saved";
                return RedirectToAction(nameof(Hub));
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpGet("benefit-limits")]
    public async Task<IActionResult> BenefitLimits(CancellationToken cancellationToken) => View(await pages.BenefitLimitsAsync(cancellationToken));

    [HttpGet("benefit-limits/new")]
    public async Task<IActionResult> NewBenefitLimits(CancellationToken cancellationToken) =>
        View("BenefitLimitsForm", await pages.NewBenefitLimitsFormAsync(cancellationToken));

    [HttpPost("benefit-limits/new")]
    [SubmitOnce]
    public async Task<IActionResult> NewBenefitLimits(BenefitLimitsForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid
            && Show(await limits.AddAsync(form.EffectiveFrom.ToDate()!.Value, form.Figures(), form.Source, form.SourceLink, Me, cancellationToken), ModelState))
        {
            TempData["Success"] = $"Benefit limits added, in force from {PaymentWords.Date(form.EffectiveFrom.ToDate()!.Value)}";
            return RedirectToAction(nameof(BenefitLimits));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("BenefitLimitsForm", form);
    }

    /// <summary>Only a set that has not taken effect yet can be corrected.</summary>
    [HttpGet("benefit-limits/{id:int}/correct")]
    public async Task<IActionResult> CorrectBenefitLimits(int id, CancellationToken cancellationToken) =>
        await pages.CorrectBenefitLimitsFormAsync(id, cancellationToken) is { } form ? View("BenefitLimitsForm", form) : NotFound();

    [HttpPost("benefit-limits/{id:int}/correct")]
    public async Task<IActionResult> CorrectBenefitLimits(int id, BenefitLimitsForm form, CancellationToken cancellationToken)
    {
        form.CorrectingId = id;
        if (ModelState.IsValid)
        {
            var problems = await limits.CorrectAsync(id, form.EffectiveFrom.ToDate()!.Value, form.Figures(), form.Source, form.SourceLink, Me, cancellationToken);
            if (problems is null)
            {
                return NotFound();
            }
            if (Show(problems, ModelState))
            {
                TempData["Success"] = $"Benefit limits corrected, in force from {PaymentWords.Date(form.EffectiveFrom.ToDate()!.Value)}";
                return RedirectToAction(nameof(BenefitLimits));
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("BenefitLimitsForm", form);
    }

    /// <summary>Puts each problem next to its field. True when there were none.</summary>
    private static bool Show(IReadOnlyList<BenefitLimitsProblem> problems, ModelStateDictionary modelState)
    {
        foreach (var problem in problems)
        {
            modelState.AddModelError(problem.Field, problem.Message);
        }
        return problems.Count == 0;
    }
}
