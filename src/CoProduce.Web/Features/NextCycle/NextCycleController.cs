using CoProduce.Web.Data;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Features.Commissioning;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.NextCycle;

/// <summary>"Start the next cycle" from a project in Review. The change goes through <see cref="NextCycleService"/>.</summary>
[Authorize(Policy = Policies.ProjectsEdit)]
public sealed class NextCycleController(NextCycleService cycles, ProjectService projects, UserManager<CoProduceUser> users) : Controller
{
    [HttpGet("projects/{id:int}/next-cycle")]
    public async Task<IActionResult> Start(int id, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(id, cancellationToken);
        return project is null
            ? NotFound()
            : View(new NextCyclePageModel(project.Id, project.Title, project.WhyNoNextCycle(), new NextCycleForm { Title = NextCycleTitle.Suggest(project.Title) }));
    }

    [HttpPost("projects/{id:int}/next-cycle")]
    [SubmitOnce]
    public async Task<IActionResult> Start(int id, NextCycleForm form, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await cycles.StartAsync(project, form.Title!.Trim(), users.GetUserId(User)!, cancellationToken);
            if (outcome.NewProjectId is { } newId)
            {
                TempData["Success"] = "Next cycle started. It is in Analyse, and the themes of the last cycle are carried forward";
                return Redirect($"/projects/{newId}");
            }
            ModelState.AddModelError(string.Empty, outcome.Refusal!);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new NextCyclePageModel(project.Id, project.Title, project.WhyNoNextCycle(), form));
    }
}

public sealed class NextCycleForm
{
    public string? Title { get; set; }
}

public sealed class NextCycleFormValidator : AbstractValidator<NextCycleForm>
{
    public NextCycleFormValidator() =>
        RuleFor(f => f.Title)
            .NotEmpty().WithMessage("Enter a title for the next cycle's project")
            .MaximumLength(CommissioningProject.TitleMaxLength).WithMessage("Title must be 200 characters or fewer");
}

/// <summary>The start-the-next-cycle page; <see cref="Title"/> is the form's field.</summary>
public sealed record NextCyclePageModel(int ProjectId, string ProjectTitle, string? WhyNot, NextCycleForm Form)
{
    public string? Title => Form.Title;
}
