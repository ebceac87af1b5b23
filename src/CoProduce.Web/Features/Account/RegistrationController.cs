using CoProduce.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Account;

/// <summary>
/// Registering as an expert by experience: name and email address, then an emailed link to choose
/// a password. Staff accounts are made by a co-production lead.
/// </summary>
[AllowAnonymous]
public sealed class RegistrationController(RegistrationService registration, SignInManager<CoProduceUser> signInManager) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("register")]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        await registration.RegisterAsync(form.DisplayName!.Trim(), form.Email!.Trim(), HttpContext.RequestAborted);
        // The same answer whether or not the address already has an account.
        return RedirectToAction(nameof(CheckYourEmail));
    }

    [HttpGet("register/check-your-email")]
    public IActionResult CheckYourEmail() => View();

    [HttpGet("register/confirm")]
    public async Task<IActionResult> Confirm(string? userId, string? token) =>
        await registration.IsValidLinkAsync(userId, token)
            ? View(new ConfirmRegistrationForm { UserId = userId, Token = token })
            : View("RegistrationLinkProblem");

    [HttpPost("register/confirm")]
    public async Task<IActionResult> Confirm(ConfirmRegistrationForm form)
    {
        if (ModelState.IsValid)
        {
            var (outcome, user, errors) = await registration.CompleteAsync(form.UserId, form.Token, form.Password!);
            switch (outcome)
            {
                case RegistrationService.Outcome.Completed:
                    await signInManager.SignInAsync(user!, isPersistent: false);
                    TempData["Success"] = "Your account is ready";
                    return Redirect("/profile");
                case RegistrationService.Outcome.LinkProblem:
                    return View("RegistrationLinkProblem");
                default:
                    foreach (var error in errors)
                    {
                        ModelState.AddModelError(nameof(ConfirmRegistrationForm.Password), error.Description);
                    }
                    break;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }
}
