using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Claims;

/// <summary>
/// The claim pages, the same for the claimant (<see cref="MyClaimsController"/>) and for an organiser
/// working on someone's behalf (<see cref="OnBehalfClaimsController"/>): only who is asking differs.
/// <see cref="ClaimService"/> makes every change; <see cref="ClaimPages"/> reads every page.
/// </summary>
public abstract class ClaimsControllerBase(ClaimService claims, ClaimPages pages, UserManager<Data.CoProduceUser> users) : Controller
{
    protected string Me => users.GetUserId(User)!;

    protected abstract ClaimActor Actor { get; }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await pages.ShowAsync(id, Actor, cancellationToken) is { } model ? View("Show", model) : NotFound();

    [HttpPost("{id:int}/fee")]
    public Task<IActionResult> Fee(int id, FeeForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, nameof(FeeForm.Choice), () => claims.TakeFeeAsync(id, Actor, form.ToTake(), cancellationToken),
            form.Choice switch { FeeForm.Decline => "You will not take the fee. Your expenses will still be repaid.", FeeForm.Less => "The fee you take is changed.", _ => "You will take the whole fee." },
            form.Then == "check" ? "check" : null, cancellationToken);

    [HttpPost("{id:int}/payment-method")]
    public Task<IActionResult> PaymentMethod(int id, PaymentMethodForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, nameof(PaymentMethodForm.Method), () => claims.ChoosePaymentMethodAsync(id, Actor, Enum.Parse<ClaimPaymentMethod>(form.Method!), cancellationToken),
            "How you are paid is saved.", null, cancellationToken);

    [HttpPost("{id:int}/expenses/{number:int}/remove")]
    public Task<IActionResult> RemoveExpense(int id, int number, CancellationToken cancellationToken) =>
        ChangeAsync(id, string.Empty, () => claims.RemoveExpenseAsync(id, Actor, number, cancellationToken), $"Expense {number} removed.", null, cancellationToken);

    [HttpGet("{id:int}/expenses/new")]
    public async Task<IActionResult> AddExpense(int id, CancellationToken cancellationToken) =>
        await pages.ExpenseFormAsync(id, Actor, cancellationToken) is { } page ? View("AddExpense", new ExpenseForm { Page = page }) : NotFound();

    [HttpPost("{id:int}/expenses/new")]
    [SubmitOnce]
    // Well above the 10MB rule, so that a larger file gets the friendly message by the field.
    [RequestSizeLimit(3 * ReceiptFiles.MaxBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = 3 * ReceiptFiles.MaxBytes)]
    public async Task<IActionResult> AddExpense(int id, ExpenseForm form, CancellationToken cancellationToken)
    {
        if (await pages.ExpenseFormAsync(id, Actor, cancellationToken) is not { } page || await pages.ExpenseContextAsync(id, Actor, cancellationToken) is not { } context)
        {
            return NotFound();
        }
        form.Page = page;
        var receipt = await form.CheckReceiptAsync(ModelState);
        if (!page.CanChange)
        {
            // Refused before the receipt is stored, so no file is kept for a claim that cannot take it.
            ModelState.AddModelError(string.Empty, "This claim has been sent, so it cannot be changed now.");
        }
        else if (context.Policy is null)
        {
            ModelState.AddModelError(nameof(ExpenseForm.Category), "There is no expenses policy for the date of this activity yet. Please ask the co-production lead.");
        }
        ExpenseCheck? check = null;
        if (ModelState.IsValid)
        {
            // The policy decides what is repaid, counting this claim's earlier lines against any cap.
            var line = form.ToCheck(receipt is not null);
            check = context.Policy!.Check(line, context.AllowedSoFar[line.Category]);
            foreach (var refusal in check.Refusals)
            {
                ModelState.AddModelError(ExpenseForm.FieldFor(refusal, check.Category), refusal);
            }
        }
        if (ModelState.IsValid)
        {
            try
            {
                var added = await claims.AddExpenseAsync(id, Actor, new ExpenseToAdd(context.Policy!, form.ToCheck(receipt is not null), form.Description, receipt), cancellationToken);
                TempData["Success"] = string.Join(" ", added.Notes.Prepend($"Expense added: {added.Allowed.Format()} for {ExpenseRule.Name(added.Category)}."));
                return Redirect($"{page.BasePath}/{id}");
            }
            catch (PaymentRuleException refused)
            {
                ModelState.AddModelError(string.Empty, refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("AddExpense", form);
    }

    [HttpGet("{id:int}/check")]
    public async Task<IActionResult> Check(int id, CancellationToken cancellationToken) =>
        await pages.CheckAsync(id, Actor, cancellationToken) is { } model ? View("Check", model) : NotFound();

    [HttpPost("{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, SubmitForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await claims.SubmitAsync(id, Actor, form.Answer, cancellationToken);
                TempData["Success"] = Actor.IsOrganiser ? "The claim has been sent to finance." : "Your claim has been sent to finance. We will tell you when it is paid.";
                return Redirect($"{BasePath}/{id}");
            }
            catch (ClaimNotFoundException)
            {
                return NotFound();
            }
            catch (PaymentRuleException refused)
            {
                ModelState.AddModelError(nameof(SubmitForm.Answer), refused.Message);
            }
        }
        if (await pages.CheckAsync(id, Actor, cancellationToken) is not { } model)
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Check", model);
    }

    protected string BasePath => Actor.IsOrganiser ? ClaimPages.OrganiserPath : ClaimPages.ClaimantPath;

    /// <summary>Makes a change; on success says what happened and goes back to the claim, on refusal shows the claim with why.</summary>
    private async Task<IActionResult> ChangeAsync(int id, string field, Func<Task> change, string done, string? then, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await change();
                TempData["Success"] = done;
                return Redirect(then is null ? $"{BasePath}/{id}" : $"{BasePath}/{id}/{then}");
            }
            catch (ClaimNotFoundException)
            {
                return NotFound();
            }
            catch (PaymentRuleException refused)
            {
                ModelState.AddModelError(field, refused.Message);
            }
        }
        if (await pages.ShowAsync(id, Actor, cancellationToken) is not { } model)
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Show", model);
    }
}
