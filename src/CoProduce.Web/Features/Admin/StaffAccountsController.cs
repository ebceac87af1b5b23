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
    TimeProvider clock,
    ILogger<StaffAccountsController> logger) : Controller
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
    public async Task<IActionResult> Create(NewStaffAccountForm form, CancellationToken cancellationToken)
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
            var created = await CreateWithRolesAsync(user, form.Roles.Distinct().ToList(), cancellationToken);
            if (created.Succeeded)
            {
                TempData["Success"] = await SendPasswordLinkAsync(user, cancellationToken)
                    ? $"Account created for {user.DisplayName}. We have emailed them a link to choose a password"
                    : $"Account created for {user.DisplayName}. We could not email them a link to choose a password: ask them to use \"Forgot your password?\" on the sign-in page";
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

    /// <summary>
    /// The account and its roles are saved together or not at all: a failure part-way (or an
    /// exception) rolls back, so there is never an account without its roles.
    /// </summary>
    private async Task<IdentityResult> CreateWithRolesAsync(CoProduceUser user, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var result = IdentityResult.Success;
        // Run through the execution strategy because SQL Server's retrying strategy requires it.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            result = await users.CreateAsync(user);
            if (result.Succeeded)
            {
                result = await users.AddToRolesAsync(user, roles);
            }
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        });
        return result;
    }

    /// <summary>The account is whole without the email: a failure to send is logged and the lead is told.</summary>
    private async Task<bool> SendPasswordLinkAsync(CoProduceUser user, CancellationToken cancellationToken)
    {
        try
        {
            await passwordLinks.SendAsync(user, Request, PasswordLinkSender.Purpose.NewStaffAccount, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Could not email the password link for new staff account {UserId}", user.Id);
            return false;
        }
    }

    internal static IEnumerable<SelectListItem> RoleOptions =>
        Roles.Staff.Select(r => new SelectListItem(Roles.DisplayName(r), r));
}

public sealed record StaffRow(string Name, string Email, IReadOnlyList<string> Roles);
