using CoProduce.Web.Data;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Infrastructure.Files;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Commissioning;

/// <summary>
/// Reads what the project pages show, shaped as flat read models. It changes nothing: changes go
/// through <see cref="ProjectService"/>. Each page sends the same number of SQL commands however
/// much the project holds.
/// </summary>
public sealed class ProjectPages(CoProduceDbContext db, ProjectService projects, IFileStore files, Ladder.LadderPages ladder)
{
    private const string NoLongerListed = "Someone no longer listed";

    /// <summary>The projects list: filtered, sorted and paged by the database.</summary>
    public async Task<ProjectListModel> ListAsync(ProjectListQuery query, string me, CancellationToken cancellationToken)
    {
        var view = query.View == "mine" ? "mine" : "all";
        var sort = query.Sort == ProjectListModel.ByValue ? ProjectListModel.ByValue : ProjectListModel.ByTitle;
        var matching = db.CommissioningProjects.AsNoTracking();
        if (view == "mine")
        {
            matching = matching.Where(p => p.OwnerId == me);
        }
        if (Enum.TryParse<CommissioningStage>(query.Stage, out var stage) && Enum.IsDefined(stage))
        {
            matching = matching.Where(p => p.Stage == stage);
        }
        if (int.TryParse(query.Tier, out var tier))
        {
            matching = matching.Where(p => p.Tier == tier);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            matching = matching.Where(p => EF.Functions.Like(p.Title, "%" + term + "%"));
        }

        var paging = Paging.Of(await matching.CountAsync(cancellationToken), ProjectListModel.PageSize, query.Page);
        // Sorted and paged by the database, money included (it is whole pence: see Money).
        var sorted = sort == ProjectListModel.ByValue
            ? matching.OrderByDescending(p => p.EstimatedValue).ThenBy(p => p.Title).ThenBy(p => p.Id)
            : matching.OrderBy(p => p.Title).ThenBy(p => p.Id);
        var rows = await sorted
            .Skip(paging.Skip)
            .Take(paging.Size)
            .Select(p => new
            {
                p.Id, p.Title, p.ServiceArea, p.Stage, p.Tier, p.EstimatedValue, p.IsKeyDecision, p.OwnerId,
                Owner = db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                // Ongoing items (due in Review) are never still to do: they are recorded again and again.
                Requirements = p.Requirements.Where(r => r.IsRequired && r.DueBy != CommissioningStage.Review)
                    .Select(r => new { HasEvidence = r.Evidence.Any(), Approved = r.Exceptions.Any(x => x.Decision == ExceptionDecision.Approved) })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        return new ProjectListModel(
            rows.Select(r => new ProjectListRow(r.Id, r.Title, r.ServiceArea, r.Stage, r.Tier, r.EstimatedValue, r.IsKeyDecision,
                r.Owner ?? string.Empty, r.OwnerId == me, r.Requirements.Count(x => !x.HasEvidence && !x.Approved))).ToList(),
            view, query.Stage, query.Tier, query.Search, sort, paging);
    }

    /// <summary>A project's page, or null when there is no such project.</summary>
    public async Task<ProjectPageModel?> ProjectAsync(int id, CancellationToken cancellationToken) =>
        await projects.LoadAsync(id, cancellationToken) is { } project ? await ProjectAsync(project, cancellationToken) : null;

    public async Task<ProjectPageModel> ProjectAsync(CommissioningProject project, CancellationToken cancellationToken)
    {
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.ProjectId == project.Id)
            .OrderByDescending(a => a.Id).Take(100).ToListAsync(cancellationToken);
        var evidence = project.Requirements.SelectMany(r => r.Evidence).ToList();
        var userIds = audit.Select(a => a.ByUserId)
            .Append(project.OwnerId)
            .Concat(project.StageMoves.Select(m => m.ByUserId))
            .Concat(evidence.Select(e => e.AddedByUserId))
            .Concat(project.Requirements.SelectMany(r => r.Exceptions.SelectMany(x => new[] { x.RequestedByUserId, x.DecidedByUserId ?? string.Empty })))
            .Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        // One command for the titles of every activity the evidence came from, however many there are.
        var activityIds = evidence.Where(e => e.ActivityId is not null).Select(e => e.ActivityId!.Value).Distinct().ToList();
        var activityTitles = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);
        var auditRows = audit.Select(a => new AuditRow(a.AtUtc, names.GetValueOrDefault(a.ByUserId, NoLongerListed), a.Summary, a.Before, a.After)).ToList();
        return ProjectPageModel.From(project, names, activityTitles, auditRows) with { Cycle = await CycleAsync(project, cancellationToken) };
    }

    /// <summary>
    /// The project's ladder, its previous and next cycles, and the themes carried into it: three
    /// commands, whatever the project holds.
    /// </summary>
    private async Task<ProjectCycle> CycleAsync(CommissioningProject project, CancellationToken cancellationToken)
    {
        var ladderView = await ladder.ProjectAsync(project.Id, cancellationToken);
        var linked = await db.CommissioningProjects.AsNoTracking()
            .Where(p => p.Id == project.PreviousProjectId || p.Id == project.NextProjectId)
            .Select(p => new ProjectLink(p.Id, p.Title))
            .ToListAsync(cancellationToken);
        var carried = await db.FeedbackThemes.AsNoTracking()
            .Where(t => t.ProjectId == project.Id && t.CarriedFromThemeId != null && t.MergedIntoThemeId == null)
            .OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Select(t => t.Name)
            .ToListAsync(cancellationToken);
        return new ProjectCycle(
            ladderView,
            linked.SingleOrDefault(p => p.Id == project.PreviousProjectId),
            linked.SingleOrDefault(p => p.Id == project.NextProjectId),
            project.Stage == CommissioningStage.Review ? project.WhyNoNextCycle() : null,
            project.Stage == CommissioningStage.Review && project.WhyNoNextCycle() is null,
            carried);
    }

    /// <summary>The move-to-the-next-stage page: what is due by now, and whether the project may move on.</summary>
    public async Task<StageMoveModel> StageMoveAsync(CommissioningProject project, StageMoveForm form, CancellationToken cancellationToken)
    {
        var page = await ProjectAsync(project, cancellationToken);
        var gate = project.CheckLeavingStage();
        var due = page.Groups.Where(g => g.DueBy <= project.Stage).SelectMany(g => g.Requirements).Where(r => r.IsRequired).ToList();
        return new StageMoveModel(page, form, gate.MayLeave, due);
    }

    /// <summary>The change-details form, filled in from the project, or null when there is no such project.</summary>
    public async Task<ProjectEditModel?> EditAsync(int id, CancellationToken cancellationToken) =>
        await projects.LoadAsync(id, cancellationToken) is { } project ? new ProjectEditModel(id, ProjectForm.From(project)) : null;

    /// <summary>A requirement that is still required, with its project's title; null when there is none.</summary>
    public Task<RequirementHeading?> RequiredAsync(int projectId, string code, CancellationToken cancellationToken) =>
        (from r in db.ProjectRequirements.AsNoTracking()
         join p in db.CommissioningProjects on r.ProjectId equals p.Id
         where p.Id == projectId && r.Code == code && r.IsRequired
         select new RequirementHeading(p.Id, p.Title, r.Code, r.ShortName, r.Wording))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>An evidence file of this project, opened for download; null when there is no such file.</summary>
    public async Task<ProjectFile?> OpenAttachmentAsync(int projectId, int evidenceId, int attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.CommissioningProjects.Where(p => p.Id == projectId)
            .SelectMany(p => p.Requirements).SelectMany(r => r.Evidence).Where(e => e.Id == evidenceId)
            .SelectMany(e => e.Attachments).Where(a => a.Id == attachmentId)
            .Select(a => new { a.FileName, a.ContentType, a.StorageKey })
            .SingleOrDefaultAsync(cancellationToken);
        var stream = attachment is null ? null : await files.OpenAsync(attachment.StorageKey, cancellationToken);
        return stream is null ? null : new ProjectFile(stream, attachment!.ContentType, attachment.FileName);
    }
}
