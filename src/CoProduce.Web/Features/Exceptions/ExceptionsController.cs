using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Exceptions;

/// <summary>Co-production leads decide on requests to excuse required co-production.</summary>
[Authorize(Policy = Policies.ExceptionsDecide)]
public sealed class ExceptionsController(CoProduceDbContext db, UserManager<CoProduceUser> users, TimeProvider clock) : Controller
{
    [HttpGet("exceptions")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.ExceptionRequests.AsNoTracking()
            .OrderBy(x => x.Decision == null ? 0 : 1).ThenByDescending(x => x.Id)
            .Take(200)
            .Select(x => new ExceptionQueueRow(
                x.Id,
                db.CommissioningProjects.Where(p => p.Id == x.Requirement.ProjectId).Select(p => p.Title).First(),
                x.Requirement.Code + " " + x.Requirement.ShortName,
                db.Users.Where(u => u.Id == x.RequestedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                x.RequestedUtc,
                x.Decision))
            .ToListAsync(cancellationToken);
        return View(rows);
    }

    [HttpGet("exceptions/{id:int}")]
    public async Task<IActionResult> Decide(int id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, new DecisionForm(), cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("exceptions/{id:int}")]
    public async Task<IActionResult> Decide(int id, DecisionForm form, CancellationToken cancellationToken)
    {
        var request = await db.ExceptionRequests.Include(x => x.Requirement).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var me = users.GetUserId(User)!;
            var decision = form.Decision == "approve" ? ExceptionDecision.Approved : ExceptionDecision.Declined;
            try
            {
                request.Decide(decision, form.Reason!.Trim(), me, User.IsInRole(Roles.CoProductionLead), clock.GetUtcNow().UtcDateTime);
                db.AuditEntries.Add(new AuditEntry(AuditSubject.Exception(request.Id), request.Requirement.ProjectId, AuditActions.ExceptionDecided,
                    $"Exception for {request.Requirement.Code} ({request.Requirement.ShortName}) {(decision == ExceptionDecision.Approved ? "approved" : "declined")}.",
                    me, clock.GetUtcNow().UtcDateTime, "Requested: " + request.Reason, "Decision: " + form.Reason.Trim()));
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = $"Exception {(decision == ExceptionDecision.Approved ? "approved" : "declined")}";
                return RedirectToAction(nameof(Index));
            }
            catch (ExceptionDecisionRefusedException refused)
            {
                ModelState.AddModelError(string.Empty, refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(await ModelAsync(id, form, cancellationToken));
    }

    private async Task<DecisionPageModel?> ModelAsync(int id, DecisionForm form, CancellationToken cancellationToken)
    {
        var row = await db.ExceptionRequests.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Reason, x.RequestedUtc, x.Decision, x.DecisionReason, x.RequestedByUserId, x.DecidedByUserId,
                x.Requirement.ProjectId, x.Requirement.Code, x.Requirement.ShortName, x.Requirement.Wording, x.Requirement.DueBy,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var project = await db.CommissioningProjects.AsNoTracking().Where(p => p.Id == row.ProjectId)
            .Select(p => new { p.Title, p.Tier, p.Stage }).SingleAsync(cancellationToken);
        var names = await db.Users.Where(u => u.Id == row.RequestedByUserId || u.Id == row.DecidedByUserId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new DecisionPageModel(row.Id, row.ProjectId, project.Title, project.Tier, project.Stage, row.Code, row.ShortName, row.Wording, row.DueBy,
            row.Reason, names.GetValueOrDefault(row.RequestedByUserId, string.Empty), row.RequestedUtc,
            row.Decision, row.DecisionReason, row.DecidedByUserId is null ? null : names.GetValueOrDefault(row.DecidedByUserId),
            row.RequestedByUserId == users.GetUserId(User), form);
    }
}

public sealed record ExceptionQueueRow(int Id, string Project, string Requirement, string RequestedBy, DateTime RequestedUtc, ExceptionDecision? Decision);

/// <summary>The request and its project; <see cref="Decision"/> and <see cref="Reason"/> are the form's fields.</summary>
public sealed record DecisionPageModel(
    int Id, int ProjectId, string ProjectTitle, int Tier, CommissioningStage Stage,
    string Code, string ShortName, string Wording, CommissioningStage DueBy,
    string RequestReason, string RequestedBy, DateTime RequestedUtc,
    ExceptionDecision? DecidedAs, string? DecidedReason, string? DecidedBy, bool IsOwnRequest,
    DecisionForm Form)
{
    public string? Decision => Form.Decision;
    public string? Reason => Form.Reason;
}

public sealed class DecisionForm
{
    /// <summary>"approve" or "decline".</summary>
    public string? Decision { get; set; }
    public string? Reason { get; set; }

    public static IEnumerable<SelectListItem> Choices => [new("Approve the exception", "approve"), new("Decline it", "decline")];
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator()
    {
        RuleFor(f => f.Decision).Must(d => d is "approve" or "decline").WithMessage("Select whether to approve or decline the exception");
        RuleFor(f => f.Reason)
            .NotEmpty().WithMessage("Enter the reason for your decision")
            .MaximumLength(ExceptionRequest.ReasonMaxLength).WithMessage("The reason must be 2,000 characters or fewer");
    }
}
