using CoProduce.Web.Data;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Features.Commissioning;
using CoProduce.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Exceptions;

/// <summary>Co-production leads decide on requests to excuse required co-production.</summary>
[Authorize(Policy = Policies.ExceptionsDecide)]
public sealed class ExceptionsController(ExceptionPages pages, ProjectService projects, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("exceptions")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default) =>
        View(await pages.QueueAsync(page, cancellationToken));

    [HttpGet("exceptions/{id:int}")]
    public async Task<IActionResult> Decide(int id, CancellationToken cancellationToken) =>
        await pages.DecisionAsync(id, Me, new DecisionForm(), cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("exceptions/{id:int}")]
    public async Task<IActionResult> Decide(int id, DecisionForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var decision = form.Decision == "approve" ? ExceptionDecision.Approved : ExceptionDecision.Declined;
            var outcome = await projects.DecideExceptionAsync(id, decision, form.Reason!.Trim(), Me, User.IsInRole(Roles.CoProductionLead), cancellationToken);
            switch (outcome.Result)
            {
                case ExceptionDecisionOutcome.Kind.NotFound:
                    return NotFound();
                case ExceptionDecisionOutcome.Kind.Decided:
                    TempData["Success"] = $"Exception {(decision == ExceptionDecision.Approved ? "approved" : "declined")}";
                    return RedirectToAction(nameof(Index));
                default:
                    ModelState.AddModelError(string.Empty, outcome.Refusal!);
                    break;
            }
        }
        var model = await pages.DecisionAsync(id, Me, form, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(model);
    }
}

/// <summary>A page of the exceptions queue, with how many requests wait for a decision in all.</summary>
public sealed record ExceptionQueuePage(IReadOnlyList<ExceptionQueueRow> Rows, int Waiting, Infrastructure.Mvc.Paging Paging)
{
    public const int PageSize = 50;
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
