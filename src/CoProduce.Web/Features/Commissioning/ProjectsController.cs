using CoProduce.Web.Data;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Commissioning;

/// <summary>
/// Commissioners' projects: list, create, edit, evidence, exceptions and stage moves. Pages are
/// read by <see cref="ProjectPages"/>; changes go through <see cref="ProjectService"/>.
/// </summary>
[Authorize(Policy = Policies.ProjectsEdit)]
public sealed class ProjectsController(ProjectService projects, ProjectPages pages, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("projects")]
    public async Task<IActionResult> Index(string? view, string? stage, string? tier, string? q, string? sort, int page = 1, CancellationToken cancellationToken = default) =>
        View(await pages.ListAsync(new ProjectListQuery(view, stage, tier, q, sort, page), Me, cancellationToken));

    [HttpGet("projects/new")]
    public IActionResult Create() => View(new ProjectForm());

    [HttpPost("projects/new")]
    [SubmitOnce]
    public async Task<IActionResult> Create(ProjectForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        var id = await projects.CreateAsync(form.ToDetails(), Me, cancellationToken);
        TempData["Success"] = "Project created";
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("projects/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await pages.ProjectAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("projects/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await pages.EditAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("projects/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ProjectForm form, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new ProjectEditModel(id, form));
        }
        var changes = await projects.UpdateAsync(project, form.ToDetails(), form.Version ?? project.Version, Me, cancellationToken);
        TempData["Success"] = changes.Count == 0 ? "Project saved" : "Project saved. " + string.Join(" ", changes);
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("projects/{id:int}/requirements/{code}/evidence")]
    public async Task<IActionResult> AddEvidence(int id, string code, CancellationToken cancellationToken) =>
        await pages.RequiredAsync(id, code, cancellationToken) is { } requirement ? View(new EvidencePageModel(requirement, new EvidenceForm())) : NotFound();

    [HttpPost("projects/{id:int}/requirements/{code}/evidence")]
    [SubmitOnce]
    // Well above the 10MB rule, so that a larger file gets the friendly message by the field.
    [RequestSizeLimit(3 * AttachmentRules.MaxBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = 3 * AttachmentRules.MaxBytes)]
    public async Task<IActionResult> AddEvidence(int id, string code, EvidenceForm form, CancellationToken cancellationToken)
    {
        var (project, requirement) = await RequiredAsync(id, code, cancellationToken);
        if (requirement is null)
        {
            return NotFound();
        }
        var files = await form.CheckAttachmentAsync(ModelState);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new EvidencePageModel(RequirementHeading.From(project!, requirement), form));
        }
        await projects.AddEvidenceAsync(project!, requirement, form.ToNewEvidence(files), Me, cancellationToken);
        TempData["Success"] = $"Evidence added for {requirement.ShortName}";
        return Redirect($"/projects/{id}#requirement-{requirement.Code}");
    }

    [HttpGet("projects/{id:int}/evidence/{evidenceId:int}/files/{attachmentId:int}")]
    public async Task<IActionResult> DownloadAttachment(int id, int evidenceId, int attachmentId, CancellationToken cancellationToken) =>
        await pages.OpenAttachmentAsync(id, evidenceId, attachmentId, cancellationToken) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    [HttpGet("projects/{id:int}/requirements/{code}/exception")]
    public async Task<IActionResult> RequestException(int id, string code, CancellationToken cancellationToken) =>
        await pages.RequiredAsync(id, code, cancellationToken) is { } requirement
            ? View(new ExceptionRequestPageModel(requirement, new ExceptionRequestForm()))
            : NotFound();

    [HttpPost("projects/{id:int}/requirements/{code}/exception")]
    [SubmitOnce]
    public async Task<IActionResult> RequestException(int id, string code, ExceptionRequestForm form, CancellationToken cancellationToken)
    {
        var (project, requirement) = await RequiredAsync(id, code, cancellationToken);
        if (requirement is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid && await projects.RequestExceptionAsync(project!, requirement, form.Reason!.Trim(), Me, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(nameof(ExceptionRequestForm.Reason), refusal);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new ExceptionRequestPageModel(RequirementHeading.From(project!, requirement), form));
        }
        TempData["Success"] = $"Exception requested for {requirement.ShortName}. A co-production lead will decide";
        return Redirect($"/projects/{id}#requirement-{requirement.Code}");
    }

    [HttpGet("projects/{id:int}/next-stage")]
    public async Task<IActionResult> MoveStage(int id, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(id, cancellationToken);
        return project is null ? NotFound() : View(await pages.StageMoveAsync(project, new StageMoveForm { FromStage = project.Stage }, cancellationToken));
    }

    [HttpPost("projects/{id:int}/next-stage")]
    public async Task<IActionResult> MoveStage(int id, StageMoveForm form, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        if (form.FromStage != project.Stage)
        {
            TempData["Success"] = $"This project is already in {project.Stage}";
            return RedirectToAction(nameof(Show), new { id });
        }
        if (ModelState.IsValid)
        {
            var from = project.Stage;
            var gate = await projects.MoveToNextStageAsync(project, form.Note?.Trim() ?? string.Empty, Me, cancellationToken);
            if (gate.MayLeave)
            {
                TempData["Success"] = $"Moved from {from} to {project.Stage}";
                return RedirectToAction(nameof(Show), new { id });
            }
            // The error summary lists exactly what is missing, each linking to its requirement.
            if (gate.Refusal is not null)
            {
                ModelState.AddModelError(string.Empty, gate.Refusal);
            }
            foreach (var missing in gate.Missing)
            {
                ModelState.AddModelError($"requirement-{missing.Code}",
                    $"{missing.Code} {missing.ShortName} needs evidence or an approved exception (due by the end of {missing.DueBy})");
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(await pages.StageMoveAsync(project, form, cancellationToken));
    }

    /// <summary>The project, loaded for a change, and its requirement when it is still required.</summary>
    private async Task<(CommissioningProject? Project, ProjectRequirement? Requirement)> RequiredAsync(int id, string code, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(id, cancellationToken);
        return (project, project?.Requirement(code) is { IsRequired: true } requirement ? requirement : null);
    }
}
