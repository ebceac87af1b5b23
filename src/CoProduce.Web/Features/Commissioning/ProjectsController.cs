// Over 200 lines for now: its list query and evidence upload checks move into ProjectService with the "Activities and people" work on thin controllers.
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Commissioning;

/// <summary>Commissioners' projects: list, create, edit, evidence, exceptions and stage moves.</summary>
[Authorize(Policy = Policies.ProjectsEdit)]
public sealed class ProjectsController(CoProduceDbContext db, ProjectService projects, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("projects")]
    public async Task<IActionResult> Index(string? view, string? stage, string? tier, string? q, string? sort, int page = 1, CancellationToken cancellationToken = default)
    {
        view = view == "mine" ? "mine" : "all";
        sort = sort == ProjectListModel.ByValue ? ProjectListModel.ByValue : ProjectListModel.ByTitle;
        var query = db.CommissioningProjects.AsNoTracking();
        if (view == "mine")
        {
            query = query.Where(p => p.OwnerId == Me);
        }
        if (Enum.TryParse<CommissioningStage>(stage, out var stageFilter) && Enum.IsDefined(stageFilter))
        {
            query = query.Where(p => p.Stage == stageFilter);
        }
        if (int.TryParse(tier, out var tierFilter))
        {
            query = query.Where(p => p.Tier == tierFilter);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(p => EF.Functions.Like(p.Title, "%" + term + "%"));
        }

        var paging = Paging.Of(await query.CountAsync(cancellationToken), ProjectListModel.PageSize, page);
        // Sorted and paged by the database, money included (it is whole pence: see Money).
        var sorted = sort == ProjectListModel.ByValue
            ? query.OrderByDescending(p => p.EstimatedValue).ThenBy(p => p.Title).ThenBy(p => p.Id)
            : query.OrderBy(p => p.Title).ThenBy(p => p.Id);
        var rows = await sorted
            .Skip(paging.Skip)
            .Take(paging.Size)
            .Select(p => new
            {
                p.Id, p.Title, p.ServiceArea, p.Stage, p.Tier, p.EstimatedValue, p.IsKeyDecision, p.OwnerId,
                Owner = db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Requirements = p.Requirements.Where(r => r.IsRequired)
                    .Select(r => new { HasEvidence = r.Evidence.Any(), Approved = r.Exceptions.Any(x => x.Decision == ExceptionDecision.Approved) })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        var model = new ProjectListModel(
            rows.Select(r => new ProjectListRow(r.Id, r.Title, r.ServiceArea, r.Stage, r.Tier, r.EstimatedValue, r.IsKeyDecision,
                r.Owner ?? string.Empty, r.OwnerId == Me, r.Requirements.Count(x => !x.HasEvidence && !x.Approved))).ToList(),
            view, stage, tier, q, sort, paging);
        return View(model);
    }

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
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(id, cancellationToken);
        return project is null ? NotFound() : View(await PageModelAsync(project, cancellationToken));
    }

    [HttpGet("projects/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        ViewData["ProjectId"] = id;
        return View(ProjectForm.From(project));
    }

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
            ViewData["ProjectId"] = id;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        var changes = await projects.UpdateAsync(project, form.ToDetails(), form.Version ?? project.Version, Me, cancellationToken);
        TempData["Success"] = changes.Count == 0 ? "Project saved" : "Project saved. " + string.Join(" ", changes);
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("projects/{id:int}/requirements/{code}/evidence")]
    public async Task<IActionResult> AddEvidence(int id, string code, CancellationToken cancellationToken)
    {
        var (project, requirement) = await RequirementAsync(id, code, cancellationToken);
        if (requirement is null || !requirement.IsRequired)
        {
            return NotFound();
        }
        SetRequirementContext(project!, requirement);
        return View(new EvidenceForm());
    }

    [HttpPost("projects/{id:int}/requirements/{code}/evidence")]
    [SubmitOnce]
    // Well above the 10MB rule, so that a larger file gets the friendly message by the field.
    [RequestSizeLimit(3 * AttachmentRules.MaxBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = 3 * AttachmentRules.MaxBytes)]
    public async Task<IActionResult> AddEvidence(int id, string code, EvidenceForm form, CancellationToken cancellationToken)
    {
        var (project, requirement) = await RequirementAsync(id, code, cancellationToken);
        if (requirement is null || !requirement.IsRequired)
        {
            return NotFound();
        }

        var files = new List<CheckedFile>();
        if (form.Attachment is { } upload)
        {
            AttachmentCheck check;
            await using (var stream = upload.OpenReadStream())
            {
                check = AttachmentRules.Check(upload.FileName, upload.Length, stream);
            }
            if (check.IsAllowed)
            {
                files.Add(new CheckedFile(check.SafeFileName, check.ContentType, upload.Length, upload.OpenReadStream));
            }
            else
            {
                ModelState.AddModelError(nameof(EvidenceForm.Attachment), check.Problem!);
            }
        }
        if (!ModelState.IsValid)
        {
            SetRequirementContext(project!, requirement);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        await projects.AddEvidenceAsync(project!, requirement, new NewEvidence(
            form.WhatWasDone!.Trim(), form.DoneOn.ToDate()!.Value, EvidenceForm.ReadCount(form.LivedExperienceCount)!.Value,
            form.Notes?.Trim() ?? string.Empty, files), Me, cancellationToken);
        TempData["Success"] = $"Evidence added for {requirement.ShortName}";
        return Redirect($"/projects/{id}#requirement-{requirement.Code}");
    }

    [HttpGet("projects/{id:int}/evidence/{evidenceId:int}/files/{attachmentId:int}")]
    public async Task<IActionResult> DownloadAttachment(int id, int evidenceId, int attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.CommissioningProjects.Where(p => p.Id == id)
            .SelectMany(p => p.Requirements).SelectMany(r => r.Evidence).Where(e => e.Id == evidenceId)
            .SelectMany(e => e.Attachments).Where(a => a.Id == attachmentId)
            .Select(a => new { a.FileName, a.ContentType, a.StorageKey })
            .SingleOrDefaultAsync(cancellationToken);
        var stream = attachment is null ? null : await projects.OpenAttachmentAsync(attachment.StorageKey, cancellationToken);
        return stream is null ? NotFound() : File(stream, attachment!.ContentType, attachment.FileName);
    }

    [HttpGet("projects/{id:int}/requirements/{code}/exception")]
    public async Task<IActionResult> RequestException(int id, string code, CancellationToken cancellationToken)
    {
        var (project, requirement) = await RequirementAsync(id, code, cancellationToken);
        if (requirement is null || !requirement.IsRequired)
        {
            return NotFound();
        }
        SetRequirementContext(project!, requirement);
        return View(new ExceptionRequestForm());
    }

    [HttpPost("projects/{id:int}/requirements/{code}/exception")]
    [SubmitOnce]
    public async Task<IActionResult> RequestException(int id, string code, ExceptionRequestForm form, CancellationToken cancellationToken)
    {
        var (project, requirement) = await RequirementAsync(id, code, cancellationToken);
        if (requirement is null || !requirement.IsRequired)
        {
            return NotFound();
        }
        if (requirement.IsMet)
        {
            ModelState.AddModelError(nameof(ExceptionRequestForm.Reason), $"{requirement.ShortName} is already met, so it needs no exception");
        }
        else if (requirement.Status == RequirementStatus.ExceptionRequested)
        {
            ModelState.AddModelError(nameof(ExceptionRequestForm.Reason), "An exception for this is already waiting for a co-production lead's decision");
        }
        if (!ModelState.IsValid)
        {
            SetRequirementContext(project!, requirement);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        try
        {
            await projects.RequestExceptionAsync(project!, requirement, form.Reason!.Trim(), Me, cancellationToken);
        }
        catch (InvalidOperationException alreadyAsked)
        {
            // Someone asked in the moment between loading and saving.
            ModelState.AddModelError(nameof(ExceptionRequestForm.Reason), alreadyAsked.Message);
            SetRequirementContext(project!, requirement);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        TempData["Success"] = $"Exception requested for {requirement.ShortName}. A co-production lead will decide";
        return Redirect($"/projects/{id}#requirement-{requirement.Code}");
    }

    [HttpGet("projects/{id:int}/next-stage")]
    public async Task<IActionResult> MoveStage(int id, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        return View(await StageMoveModelAsync(project, new StageMoveForm { FromStage = project.Stage }, cancellationToken));
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
        return View(await StageMoveModelAsync(project, form, cancellationToken));
    }

    private async Task<(CommissioningProject? Project, ProjectRequirement? Requirement)> RequirementAsync(int id, string code, CancellationToken cancellationToken)
    {
        var project = await projects.LoadAsync(id, cancellationToken);
        return (project, project?.Requirement(code));
    }

    private void SetRequirementContext(CommissioningProject project, ProjectRequirement requirement)
    {
        ViewData["ProjectId"] = project.Id;
        ViewData["ProjectTitle"] = project.Title;
        ViewData["Requirement"] = requirement;
    }

    private async Task<StageMoveModel> StageMoveModelAsync(CommissioningProject project, StageMoveForm form, CancellationToken cancellationToken)
    {
        var page = await PageModelAsync(project, cancellationToken);
        var gate = project.CheckLeavingStage();
        var due = page.Groups.Where(g => g.DueBy <= project.Stage).SelectMany(g => g.Requirements).Where(r => r.IsRequired).ToList();
        return new StageMoveModel(page, form, gate.MayLeave, due);
    }

    private async Task<ProjectPageModel> PageModelAsync(CommissioningProject project, CancellationToken cancellationToken)
    {
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.ProjectId == project.Id)
            .OrderByDescending(a => a.Id).Take(100).ToListAsync(cancellationToken);
        var userIds = audit.Select(a => a.ByUserId)
            .Append(project.OwnerId)
            .Concat(project.StageMoves.Select(m => m.ByUserId))
            .Concat(project.Requirements.SelectMany(r => r.Evidence.Select(e => e.AddedByUserId)
                .Concat(r.Exceptions.SelectMany(x => new[] { x.RequestedByUserId, x.DecidedByUserId ?? string.Empty }))))
            .Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var auditRows = audit.Select(a => new AuditRow(a.AtUtc, names.GetValueOrDefault(a.ByUserId, "Someone no longer listed"), a.Summary, a.Before, a.After)).ToList();
        return ProjectPageModel.From(project, names, auditRows);
    }
}

public sealed record StageMoveModel(ProjectPageModel Project, StageMoveForm Form, bool MayLeave, IReadOnlyList<RequirementRow> Due)
{
    /// <summary>The note field, named as the form posts it.</summary>
    public string? Note => Form.Note;
}
