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
    public async Task<IActionResult> Confirm(string? token)
    {
        var (outcome, link) = await registration.ReadLinkAsync(token);
        return outcome switch
        {
            RegistrationService.Outcome.Completed => View(new ConfirmRegistrationForm { Token = token, Email = link!.Email, DisplayName = link.DisplayName }),
            RegistrationService.Outcome.AlreadyRegistered => View("AlreadyRegistered"),
            _ => View("RegistrationLinkProblem"),
        };
    }

    [HttpPost("register/confirm")]
    public async Task<IActionResult> Confirm(ConfirmRegistrationForm form)
    {
        var (outcome, link) = await registration.ReadLinkAsync(form.Token);
        if (outcome != RegistrationService.Outcome.Completed)
        {
            return View(outcome == RegistrationService.Outcome.AlreadyRegistered ? "AlreadyRegistered" : "RegistrationLinkProblem");
        }
        form.Email = link!.Email;
        if (ModelState.IsValid)
        {
            var (completed, user, errors) = await registration.CompleteAsync(form.Token, form.DisplayName!.Trim(), form.Password!, HttpContext.RequestAborted);
            switch (completed)
            {
                case RegistrationService.Outcome.Completed:
                    await signInManager.SignInAsync(user!, isPersistent: false);
                    TempData["Success"] = "Your account is ready";
                    return Redirect("/profile");
                case RegistrationService.Outcome.AlreadyRegistered:
                    return View("AlreadyRegistered");
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
