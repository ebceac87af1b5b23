using CoProduce.Web.Data;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Finance;

/// <summary>
/// The finance officer's queue of claims and the decision on each: approve, reject with a reason,
/// or ask the claimant a question. <see cref="ClaimApprovalService"/> makes each decision;
/// <see cref="FinancePages"/> reads each page.
/// </summary>
[Authorize(Policy = Policies.FinanceAccess)]
public sealed class FinanceController(FinancePages pages, ClaimApprovalService approvals, Claims.ClaimService claims, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("finance")]
    public async Task<IActionResult> Index(FinanceQueueQuery query, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(await pages.QueueAsync(query, cancellationToken));
    }

    [HttpGet("finance/claims/{id:int}")]
    public async Task<IActionResult> Claim(int id, CancellationToken cancellationToken) =>
        await pages.ClaimAsync(id, Me, new ClaimDecisionForm(), cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("finance/claims/{id:int}")]
    public async Task<IActionResult> Claim(int id, ClaimDecisionForm form, CancellationToken cancellationToken)
    {
        var status = StatusCodes.Status400BadRequest;
        if (ModelState.IsValid)
        {
            var outcome = form.Decision switch
            {
                ClaimDecisionForm.Approve => await approvals.ApproveAsync(id, form.Version, Me, cancellationToken),
                ClaimDecisionForm.Reject => await approvals.RejectAsync(id, form.Version, form.Note!, Me, cancellationToken),
                _ => await approvals.QueryAsync(id, form.Version, form.Note!, Me, cancellationToken),
            };
            switch (outcome.Result)
            {
                case ClaimDecisionOutcome.Kind.NotFound:
                    return NotFound();
                case ClaimDecisionOutcome.Kind.Done:
                    TempData["Success"] = outcome.Message;
                    return RedirectToAction(nameof(Claim), new { id });
                case ClaimDecisionOutcome.Kind.ChangedMeanwhile:
                    // The page is shown afresh, as the claim now is, with the decision to make again.
                    ModelState.Clear();
                    ModelState.AddModelError(string.Empty, outcome.Message!);
                    form = new ClaimDecisionForm();
                    status = StatusCodes.Status409Conflict;
                    break;
                default:
                    ModelState.AddModelError(form.Decision == ClaimDecisionForm.Approve ? nameof(ClaimDecisionForm.Decision) : nameof(ClaimDecisionForm.Note), outcome.Message!);
                    break;
            }
        }
        var model = await pages.ClaimAsync(id, Me, form, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        Response.StatusCode = status;
        return View(model);
    }

    [HttpGet("finance/claims/{id:int}/correction")]
    public async Task<IActionResult> Correction(int id, CancellationToken cancellationToken) =>
        await pages.CorrectionAsync(id, cancellationToken) is { } page ? View(new CorrectionForm { Page = page }) : NotFound();

    /// <summary>Makes and sends a correction of an approved claim; another finance officer approves it.</summary>
    [HttpPost("finance/claims/{id:int}/correction")]
    [SubmitOnce]
    public async Task<IActionResult> Correction(int id, CorrectionForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var correctionId = await claims.MakeCorrectionAsync(id, form.Fee(), form.Expenses(), form.Reason!, Me, cancellationToken);
                TempData["Success"] = $"Correction {FinanceText.ClaimReference(correctionId)} made and sent. Another finance officer must approve it.";
                return Redirect($"/finance/claims/{correctionId}");
            }
            catch (Claims.ClaimNotFoundException)
            {
                return NotFound();
            }
            catch (PaymentRuleException refused)
            {
                ModelState.AddModelError(nameof(CorrectionForm.FeeDifference), refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        form.Page = await pages.CorrectionAsync(id, cancellationToken);
        return form.Page is null ? NotFound() : View(form);
    }
}
