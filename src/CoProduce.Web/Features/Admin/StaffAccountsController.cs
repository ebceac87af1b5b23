using CoProduce.Web.Data;
using CoProduce.Web.Features.Account;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Admin;

/// <summary>Co-production leads make accounts for council staff; the new person chooses a password from an emailed link.</summary>
[Authorize(Policy = Policies.SchemeAdministration)]
public sealed class StaffAccountsController(
    CoProduceDbContext db,
    UserManager<CoProduceUser> users,
    PasswordLinkSender passwordLinks,
    TimeProvider clock) : Controller
{
    [HttpGet("admin/staff")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var staffRoleIds = await db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var memberships = await db.UserRoles.Where(ur => staffRoleIds.Keys.Contains(ur.RoleId)).ToListAsync(cancellationToken);
        var userIds = memberships.Select(m => m.UserId).Distinct().ToList();
        var people = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        var rows = people
            .Select(p => new StaffRow(p.DisplayName, p.Email ?? string.Empty,
                memberships.Where(m => m.UserId == p.Id).Select(m => Roles.DisplayName(staffRoleIds[m.RoleId])).Order().ToList()))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        return View(rows);
    }

    [HttpGet("admin/staff/new")]
    public IActionResult Create() => View(new NewStaffAccountForm());

    [HttpPost("admin/staff/new")]
    public async Task<IActionResult> Create(NewStaffAccountForm form)
    {
        if (ModelState.IsValid)
        {
            var user = new CoProduceUser
            {
                UserName = form.Email!.Trim(),
                Email = form.Email.Trim(),
                EmailConfirmed = true,
                DisplayName = form.DisplayName!.Trim(),
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                await users.AddToRolesAsync(user, form.Roles.Distinct());
                await passwordLinks.SendAsync(user, Request, PasswordLinkSender.Purpose.NewStaffAccount, HttpContext.RequestAborted);
                TempData["Success"] = $"Account created for {user.DisplayName}. We have emailed them a link to choose a password";
                return RedirectToAction(nameof(Index));
            }
            ModelState.AddModelError(nameof(NewStaffAccountForm.Email),
                created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                    ? "There is already an account with this email address"
                    : AccountRules.EmailFormatMessage);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    internal static IEnumerable<SelectListItem> RoleOptions =>
        Roles.Staff.Select(r => new SelectListItem(Roles.DisplayName(r), r));
}

public sealed record StaffRow(string Name, string Email, IReadOnlyList<string> Roles);
