using CoProduce.Web.Data;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Budget;

/// <summary>The co-production lead's annual budget, and what is committed, approved and paid against it.</summary>
[Authorize(Policy = Policies.PaymentsManage)]
[Route("payments/budget")]
public sealed class BudgetController(BudgetPages pages, BudgetService budgets, UserManager<CoProduceUser> users) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CancellationToken cancellationToken) =>
        View(await pages.PageAsync(year, new BudgetForm(), cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Index(BudgetForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && Money.TryParse(form.Amount, out var amount))
        {
            if (await budgets.SetAsync(form.Year, amount, users.GetUserId(User)!, cancellationToken) is not { } refusal)
            {
                TempData["Success"] = $"Budget for {BudgetPages.YearName(form.Year)} set to {amount}";
                return Redirect($"/payments/budget?year={form.Year}");
            }
            ModelState.AddModelError(nameof(BudgetForm.Amount), refusal);
            form.Amount = null;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(await pages.PageAsync(form.Year, form, cancellationToken));
    }
}
