using CoProduce.Web.Data;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Profile;

/// <summary>
/// "How you are paid", part of the person's own profile: the way they are paid, their bank
/// details and which benefits they get. Like every profile page it works only on the signed-in
/// person's own profile. <see cref="PaymentDetailsService"/> makes every change. Bank details are
/// never put back into a page once saved: after saving, the person is sent on, and the stored
/// account is only ever shown masked.
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class PaymentDetailsController(ProfileService profiles, PaymentDetailsService payments,
    UserManager<CoProduceUser> users, SignInManager<CoProduceUser> signInManager) : Controller
{
    private const string Home = "/profile";
    private const string BankDetailsPage = "/profile/payment/bank-details";

    private string Me => users.GetUserId(User)!;

    [HttpGet("profile/payment")]
    public Task<IActionResult> Payment(CancellationToken cancellationToken) =>
        WithProfileAsync(p => Task.FromResult<IActionResult>(View(PaymentForm.From(p))), cancellationToken);

    /// <summary>Choosing bank transfer without bank details goes on to ask for them.</summary>
    [HttpPost("profile/payment")]
    public Task<IActionResult> Payment(PaymentForm form, CancellationToken cancellationToken) =>
        WithProfileAsync(async p =>
        {
            if (!ModelState.IsValid)
            {
                return Invalid(form);
            }
            var preference = form.ToPreference();
            await payments.SetPaymentPreferenceAsync(p, preference, Me, cancellationToken);
            if (preference == PaymentPreference.BankTransfer && !await payments.HasBankDetailsAsync(p, cancellationToken))
            {
                TempData["Success"] = "You chose bank transfer. Now tell us which account to pay into";
                return Redirect(BankDetailsPage);
            }
            TempData["Success"] = "How you would like to be paid has been saved";
            return Redirect(Home);
        }, cancellationToken);

    [HttpGet("profile/payment/bank-details")]
    public Task<IActionResult> BankDetails(CancellationToken cancellationToken) =>
        WithProfileAsync(async p => View(new BankDetailsForm { Current = (await payments.ReadAsync(p, cancellationToken)).BankAccount }), cancellationToken);

    [HttpPost("profile/payment/bank-details")]
    public Task<IActionResult> BankDetails(BankDetailsForm form, CancellationToken cancellationToken) =>
        WithProfileAsync(async p =>
        {
            if (!ModelState.IsValid)
            {
                form.Current = (await payments.ReadAsync(p, cancellationToken)).BankAccount;
                return Invalid(form);
            }
            await payments.SetBankDetailsAsync(p, form.ToBankDetails(), Me, cancellationToken);
            TempData["Success"] = "Your bank details have been saved";
            return Redirect(Home);
        }, cancellationToken);

    [HttpGet("profile/payment/bank-details/remove")]
    public Task<IActionResult> RemoveBankDetails(CancellationToken cancellationToken) =>
        WithProfileAsync(async p => (await payments.ReadAsync(p, cancellationToken)) is { BankAccount: not null } payment
            ? View(payment)
            : Redirect(Home), cancellationToken);

    [HttpPost("profile/payment/bank-details/remove")]
    [ActionName(nameof(RemoveBankDetails))]
    public Task<IActionResult> RemoveBankDetailsConfirmed(CancellationToken cancellationToken) =>
        WithProfileAsync(async p =>
        {
            try
            {
                await payments.RemoveBankDetailsAsync(p, Me, cancellationToken);
            }
            catch (PaymentRuleException refused)
            {
                ModelState.AddModelError(string.Empty, refused.Message);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(await payments.ReadAsync(p, cancellationToken));
            }
            TempData["Success"] = "Your bank details have been removed";
            return Redirect(Home);
        }, cancellationToken);

    [HttpGet("profile/payment/benefits")]
    public Task<IActionResult> Benefits(CancellationToken cancellationToken) =>
        WithProfileAsync(async p =>
        {
            var form = BenefitsForm.From(await payments.BenefitsAsync(p, cancellationToken));
            form.Advice = await payments.AdviceAsync(cancellationToken);
            return View(form);
        }, cancellationToken);

    [HttpPost("profile/payment/benefits")]
    public Task<IActionResult> Benefits(BenefitsForm form, CancellationToken cancellationToken) =>
        WithProfileAsync(async p =>
        {
            if (!ModelState.IsValid)
            {
                form.Advice = await payments.AdviceAsync(cancellationToken);
                return Invalid(form);
            }
            await payments.SetBenefitsAsync(p, form.ToSituation(), Me, cancellationToken);
            TempData["Success"] = "Your answer about benefits has been saved";
            return Redirect(Home);
        }, cancellationToken);

    private ViewResult Invalid(object form)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    private async Task<IActionResult> WithProfileAsync(Func<ExpertProfile, Task<IActionResult>> page, CancellationToken cancellationToken)
    {
        var (profile, stop) = await this.MyProfileOrStopAsync(profiles, users, signInManager, cancellationToken);
        return stop ?? await page(profile!);
    }
}
