using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// The co-production lead keeps the rate card: items by activity type, each with dated versions.
/// <see cref="RateCardService"/> makes each change; <see cref="PaymentPages"/> reads each page.
/// </summary>
[Authorize(Policy = Policies.PaymentsManage)]
[Route("payments/rates")]
public sealed class RateCardController(RateCardService rates, PaymentPages pages, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("")]
    public async Task<IActionResult> Rates(CancellationToken cancellationToken) => View(await pages.RateCardAsync(cancellationToken));

    [HttpGet("new")]
    public IActionResult NewRate() => View(new RateItemForm { Kind = nameof(RateKind.PerHour) });

    [HttpPost("new")]
    [SubmitOnce]
    public async Task<IActionResult> NewRate(RateItemForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var id = await rates.AddItemAsync(form.Name!, Enum.Parse<ActivityType>(form.ActivityType!), Enum.Parse<RateKind>(form.Kind!), form.Terms(),
                    form.EffectiveFrom.ToDate()!.Value, Me, cancellationToken);
                TempData["Success"] = $"Rate added: {form.Name!.Trim()}";
                return RedirectToAction(nameof(Rate), new { id });
            }
            catch (PaymentRuleException refused)
            {
                ModelState.AddModelError(RateItemForm.FieldFor(refused.Message), refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    /// <summary>One item: its versions, and a form to add the next.</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Rate(int id, CancellationToken cancellationToken) =>
        await pages.RateItemAsync(id, cancellationToken) is { } page && await pages.RateVersionFormAsync(id, cancellationToken) is { } form
            ? View(new RateItemModel(page, form))
            : NotFound();

    [HttpPost("{id:int}/versions")]
    [SubmitOnce]
    public async Task<IActionResult> AddVersion(int id, RateVersionForm form, CancellationToken cancellationToken)
    {
        if (await pages.RateItemAsync(id, cancellationToken) is not { } page)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            try
            {
                await rates.AddVersionAsync(id, form.Terms(), form.EffectiveFrom.ToDate()!.Value, Me, cancellationToken);
                TempData["Success"] = $"New rate added for {page.Name}, from {PaymentWords.Date(form.EffectiveFrom.ToDate()!.Value)}";
                return RedirectToAction(nameof(Rate), new { id });
            }
            catch (PaymentRuleException refused)
            {
                ModelState.AddModelError(RateVersionForm.FieldFor(refused.Message), refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Rate), new RateItemModel(page, form));
    }
}

/// <summary>A rate item's page: its versions, and the form for a new one.</summary>
public sealed record RateItemModel(RateItemPage Page, RateVersionForm Form)
{
    // The form's fields, named as they are posted.
    public string? Amount => Form.Amount;
    public List<string> Includes => Form.Includes;
    public Infrastructure.GovUk.DateParts EffectiveFrom => Form.EffectiveFrom;
}
