using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Account;

/// <summary>
/// A signed-in person's authenticator app: set it up (finance officers and leads must, before any
/// other page), make new recovery codes, and turn it off if their roles allow.
/// </summary>
public sealed class TwoFactorController(TwoFactorService twoFactor) : Controller
{
    [HttpGet("account/two-factor")]
    public async Task<IActionResult> Index() =>
        await twoFactor.StatusAsync(User) is { } status ? View("TwoFactor", status) : Challenge();

    [HttpGet(TwoFactorGate.SetUpPath)]
    public async Task<IActionResult> SetUp(string? returnUrl)
    {
        var setUp = await twoFactor.SetUpAsync(User, returnUrl);
        return setUp is null ? Redirect("/account/two-factor") : View(setUp);
    }

    [HttpPost(TwoFactorGate.SetUpPath)]
    public async Task<IActionResult> SetUp(AuthenticatorCodeForm form)
    {
        if (ModelState.IsValid && await twoFactor.ConfirmAsync(User, form.Code!) is { } codes)
        {
            // Shown once, straight from this answer: they are never shown again.
            return View("RecoveryCodes", new RecoveryCodesPage(codes, ReturnUrls.SafeLocal(form.ReturnUrl, Url.IsLocalUrl)));
        }
        if (ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(AuthenticatorCodeForm.Code), AuthenticatorCodeFormValidator.WrongCodeMessage);
        }
        var setUp = await twoFactor.SetUpAsync(User, form.ReturnUrl);
        if (setUp is null)
        {
            return Redirect("/account/two-factor");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(setUp with { Code = form.Code });
    }

    [HttpPost("account/two-factor/recovery-codes")]
    public async Task<IActionResult> RecoveryCodes() =>
        await twoFactor.RenewRecoveryCodesAsync(User) is { } codes
            ? View("RecoveryCodes", new RecoveryCodesPage(codes, "/account/two-factor"))
            : Redirect("/account/two-factor");

    [HttpPost("account/two-factor/turn-off")]
    public async Task<IActionResult> TurnOff()
    {
        if (await twoFactor.TurnOffAsync(User))
        {
            TempData["Success"] = "Two-factor sign-in is off. You sign in with your password alone";
        }
        return Redirect("/account/two-factor");
    }
}
