using CoProduce.Web.Data;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// The co-production lead keeps the expenses policy: the version in force, its history, and
/// publishing a new version from a date. <see cref="ExpensesPolicyService"/> publishes.
/// </summary>
[Authorize(Policy = Policies.PaymentsManage)]
[Route("payments/expenses")]
public sealed class ExpensesPolicyController(ExpensesPolicyService policies, PaymentPages pages, UserManager<CoProduceUser> users) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Expenses(CancellationToken cancellationToken) => View(await pages.ExpensesPolicyAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> NewExpensesPolicy(CancellationToken cancellationToken) =>
        View(await pages.ExpensesPolicyFormAsync(cancellationToken));

    [HttpPost("new")]
    [SubmitOnce]
    public async Task<IActionResult> NewExpensesPolicy(ExpensesPolicyForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var version = await policies.PublishAsync(form.MileageRatePerMile(), form.ExpenseRules(), form.EffectiveFrom.ToDate()!.Value,
                    users.GetUserId(User)!, cancellationToken);
                TempData["Success"] = $"Expenses policy version {version} published, in force from {PaymentWords.Date(form.EffectiveFrom.ToDate()!.Value)}";
                return RedirectToAction(nameof(Expenses));
            }
            catch (PaymentRuleException refused)
            {
                ModelState.AddModelError(form.FieldFor(refused.Message), refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }
}
