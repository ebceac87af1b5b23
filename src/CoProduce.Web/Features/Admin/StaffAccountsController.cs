using CoProduce.Web.Data;
using CoProduce.Web.Features.Account;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Admin;

/// <summary>Co-production leads make accounts for council staff; the new person chooses a password from an emailed link.</summary>
[Authorize(Policy = Policies.SchemeAdministration)]
public sealed class StaffAccountsController(
    UserManager<CoProduceUser> users,
    StaffAccountService staffAccounts) : Controller
{
    [HttpGet("admin/staff")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await staffAccounts.ListAsync(cancellationToken));

    [HttpGet("admin/staff/new")]
    public IActionResult Create() => View(new NewStaffAccountForm());

    [HttpPost("admin/staff/new")]
    [SubmitOnce]
    public async Task<IActionResult> Create(NewStaffAccountForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var name = form.DisplayName!.Trim();
            var outcome = await staffAccounts.CreateAsync(name, form.Email!.Trim(), form.Roles.Distinct().ToList(), users.GetUserId(User)!, cancellationToken);
            switch (outcome)
            {
                case StaffAccountService.Creation.Created:
                    TempData["Success"] = $"Account created for {name}. We have emailed them a link to choose a password";
                    return RedirectToAction(nameof(Index));
                case StaffAccountService.Creation.EmailInUse:
                    ModelState.AddModelError(nameof(NewStaffAccountForm.Email), "There is already an account with this email address");
                    break;
                default:
                    ModelState.AddModelError(nameof(NewStaffAccountForm.Email), AccountRules.EmailFormatMessage);
                    break;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpGet("admin/staff/{userId}/roles")]
    public async Task<IActionResult> ChangeRoles(string userId)
    {
        var account = await staffAccounts.StaffAccountAsync(userId);
        return account is null
            ? NotFound()
            : View(new ChangeRolesForm { UserId = userId, Name = account.Value.Name, Roles = [.. account.Value.Roles] });
    }

    [HttpPost("admin/staff/{userId}/roles")]
    public async Task<IActionResult> ChangeRoles(string userId, ChangeRolesForm form)
    {
        var account = await staffAccounts.StaffAccountAsync(userId);
        if (account is null)
        {
            return NotFound();
        }
        form.UserId = userId;
        form.Name = account.Value.Name;
        if (ModelState.IsValid)
        {
            var mine = userId == users.GetUserId(User);
            var outcome = await staffAccounts.ChangeRolesAsync(userId, form.Roles.Distinct().ToList(), users.GetUserId(User)!);
            if (outcome == StaffAccountService.RoleChange.Changed && mine)
            {
                // Their own session has just ended with the others.
                TempData["Success"] = "Your roles have changed. Sign in again to use them";
                return Redirect("/sign-in");
            }
            if (outcome != StaffAccountService.RoleChange.WouldRemoveOwnLeadRole)
            {
                TempData["Success"] = outcome == StaffAccountService.RoleChange.Changed
                    ? $"Roles changed for {form.Name}. They have been signed out and will see the new roles when they sign in"
                    : $"No change to the roles of {form.Name}";
                return RedirectToAction(nameof(Index));
            }
            ModelState.AddModelError(nameof(ChangeRolesForm.Roles), "You cannot remove your own co-production lead role. Ask another co-production lead to do it");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpPost("admin/staff/{userId}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(string userId)
    {
        if (!await staffAccounts.ResetTwoFactorAsync(userId, users.GetUserId(User)!))
        {
            return NotFound();
        }
        TempData["Success"] = "Two-factor sign-in reset. They have been signed out and will set up their authenticator app again when they sign in";
        return RedirectToAction(nameof(Index));
    }

    internal static IEnumerable<SelectListItem> RoleOptions =>
        Roles.Staff.Select(r => new SelectListItem(Roles.DisplayName(r), r));
}
