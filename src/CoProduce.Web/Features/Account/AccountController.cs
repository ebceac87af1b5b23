using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Account;

/// <summary>Signing in and out, and resetting a password. Registration is in <see cref="RegistrationController"/>.</summary>
public sealed class AccountController(
    SignInManager<CoProduceUser> signInManager,
    UserManager<CoProduceUser> userManager,
    PasswordSignIn passwordSignIn,
    PasswordLinkSender passwordLinks) : Controller
{
    /// <summary>One message for every failed sign-in, so it never reveals whether an account exists.</summary>
    public const string SignInFailedMessage =
        "Enter a correct email address and password. If you have tried several times, wait 15 minutes and try again";

    [AllowAnonymous]
    [HttpGet("sign-in")]
    public async Task<IActionResult> SignIn(string? returnUrl, bool timedOut = false)
    {
        if (timedOut && User.Identity?.IsAuthenticated == true)
        {
            // The time-out warning's clock ran out in this browser, but the session is still alive
            // (another tab kept it): end it here, so that "you were signed out" is true, and then
            // show the page as someone signed out sees it.
            await signInManager.SignOutAsync();
            return RedirectToAction(nameof(SignIn), new { returnUrl = ReturnUrls.SafeLocal(returnUrl, Url.IsLocalUrl), timedOut = true });
        }
        ViewData["TimedOut"] = timedOut;
        return View(new SignInForm { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("sign-in")]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (ModelState.IsValid)
        {
            var result = await passwordSignIn.SignInAsync(form.Email!.Trim(), form.Password!);
            if (result.Succeeded)
            {
                return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
            }
            if (result.RequiresTwoFactor)
            {
                return LocalRedirect("/sign-in/two-factor?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(form.ReturnUrl)));
            }
            ModelState.AddModelError(nameof(SignInForm.Email), SignInFailedMessage);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutOfPortal()
    {
        // Ends this account's sessions everywhere, so a copy of the cookie is worth nothing.
        if (await userManager.GetUserAsync(User) is { } user)
        {
            await userManager.EndEverySessionAsync(user);
        }
        await signInManager.SignOutAsync();
        TempData["Success"] = "You have signed out";
        return RedirectToAction(nameof(SignIn));
    }

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [AllowAnonymous]
    [HttpPost("forgot-password")]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        // The same answer whether or not the account exists.
        var user = await userManager.FindByEmailAsync(form.Email!.Trim());
        if (user is not null)
        {
            await passwordLinks.SendForgottenPasswordLinkAsync(user, HttpContext.RequestAborted);
        }
        return RedirectToAction(nameof(ForgotPasswordSent));
    }

    [AllowAnonymous]
    [HttpGet("forgot-password/sent")]
    public IActionResult ForgotPasswordSent() => View();

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public async Task<IActionResult> ResetPassword(string? userId, string? token)
    {
        // Check the link before asking for a new password twice.
        var user = string.IsNullOrEmpty(userId) ? null : await userManager.FindByIdAsync(userId);
        var decoded = string.IsNullOrEmpty(token) ? null : PasswordLinkSender.DecodeToken(token);
        var valid = user is not null && decoded is not null &&
            await userManager.VerifyUserTokenAsync(user, userManager.Options.Tokens.PasswordResetTokenProvider,
                UserManager<CoProduceUser>.ResetPasswordTokenPurpose, decoded);
        return valid ? View(new ResetPasswordForm { UserId = userId, Token = token }) : View("ResetPasswordLinkProblem");
    }

    [AllowAnonymous]
    [HttpPost("reset-password")]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        if (ModelState.IsValid)
        {
            var user = string.IsNullOrEmpty(form.UserId) ? null : await userManager.FindByIdAsync(form.UserId);
            if (user is null || string.IsNullOrEmpty(form.Token))
            {
                return View("ResetPasswordLinkProblem");
            }
            var token = PasswordLinkSender.DecodeToken(form.Token);
            var reset = token is null
                ? IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken())
                : await userManager.ResetPasswordAsync(user, token, form.Password!);
            if (reset.Succeeded)
            {
                await userManager.ResetAccessFailedCountAsync(user);
                await userManager.SetLockoutEndDateAsync(user, null);
                if (!user.EmailConfirmed)
                {
                    // The emailed link proves the address, as the registration link would have.
                    user.EmailConfirmed = true;
                    await userManager.UpdateAsync(user);
                }
                TempData["Success"] = "Your password has been changed. Sign in with your new password";
                return RedirectToAction(nameof(SignIn));
            }
            if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return View("ResetPasswordLinkProblem");
            }
            AddIdentityErrors(reset);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// <summary>Only an address on this site, encoded so that the Location header can carry it.</summary>
    private string SafeReturnUrl(string? returnUrl) => ReturnUrls.SafeLocal(returnUrl, Url.IsLocalUrl);

    private void AddIdentityErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(nameof(ResetPasswordForm.Password), error.Description);
        }
    }
}
