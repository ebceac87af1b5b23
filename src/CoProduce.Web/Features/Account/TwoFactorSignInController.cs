using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Account;

/// <summary>
/// The second step of signing in, for accounts with an authenticator app: a code from the app or
/// a recovery code. No "remember this device": every sign-in asks for a code.
/// </summary>
public sealed class TwoFactorSignInController(TwoFactorService twoFactor) : Controller
{
    [AllowAnonymous]
    [HttpGet("sign-in/two-factor")]
    public async Task<IActionResult> Code(string? returnUrl) =>
        await twoFactor.IsBetweenStepsAsync() ? View(new AuthenticatorCodeForm { ReturnUrl = returnUrl }) : View("SignInAgain");

    [AllowAnonymous]
    [HttpPost("sign-in/two-factor")]
    public async Task<IActionResult> Code(AuthenticatorCodeForm form)
    {
        if (!await twoFactor.IsBetweenStepsAsync())
        {
            return Redirect("/sign-in");
        }
        if (ModelState.IsValid)
        {
            var result = await twoFactor.SignInWithCodeAsync(form.Code);
            if (result.Succeeded)
            {
                return LocalRedirect(ReturnUrls.SafeLocal(form.ReturnUrl, Url.IsLocalUrl));
            }
            ModelState.AddModelError(nameof(AuthenticatorCodeForm.Code), result.IsLockedOut ? AccountController.SignInFailedMessage : AuthenticatorCodeFormValidator.WrongCodeMessage);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [AllowAnonymous]
    [HttpGet("sign-in/recovery-code")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl) =>
        await twoFactor.IsBetweenStepsAsync() ? View(new RecoveryCodeForm { ReturnUrl = returnUrl }) : View("SignInAgain");

    [AllowAnonymous]
    [HttpPost("sign-in/recovery-code")]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeForm form)
    {
        if (!await twoFactor.IsBetweenStepsAsync())
        {
            return Redirect("/sign-in");
        }
        if (ModelState.IsValid)
        {
            var result = await twoFactor.SignInWithRecoveryCodeAsync(form.Code);
            if (result.Succeeded)
            {
                return LocalRedirect(ReturnUrls.SafeLocal(form.ReturnUrl, Url.IsLocalUrl));
            }
            ModelState.AddModelError(nameof(RecoveryCodeForm.Code), result.IsLockedOut ? AccountController.SignInFailedMessage : RecoveryCodeFormValidator.WrongCodeMessage);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    /// <summary>"Stay signed in" on the time-out warning: any signed-in request renews the session.</summary>
    [HttpGet("session/keep-alive")]
    public IActionResult KeepAlive() => NoContent();
}
