using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Exceptions;

/// <summary>Reads the exceptions queue and a request's decision page as flat read models. Decisions go through <see cref="Commissioning.ProjectService"/>.</summary>
public sealed class ExceptionPages(CoProduceDbContext db)
{
    /// <summary>
    /// One page of the queue: waiting requests first, then the decided, latest first. The counts
    /// come from the database, so "waiting" is right however long the queue.
    /// </summary>
    public async Task<ExceptionQueuePage> QueueAsync(int page, CancellationToken cancellationToken)
    {
        var requests = db.ExceptionRequests.AsNoTracking();
        var paging = Paging.Of(await requests.CountAsync(cancellationToken), ExceptionQueuePage.PageSize, page);
        var waiting = await requests.CountAsync(x => x.Decision == null, cancellationToken);
        var rows = await requests
            .OrderBy(x => x.Decision == null ? 0 : 1).ThenByDescending(x => x.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(x => new ExceptionQueueRow(
                x.Id,
                db.CommissioningProjects.Where(p => p.Id == x.Requirement.ProjectId).Select(p => p.Title).First(),
                x.Requirement.Code + " " + x.Requirement.ShortName,
                db.Users.Where(u => u.Id == x.RequestedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                x.RequestedUtc,
                x.Decision))
            .ToListAsync(cancellationToken);
        return new ExceptionQueuePage(rows, waiting, paging);
    }

    /// <summary>The request, its requirement and project, for <paramref name="viewerId"/> to decide on; null when there is no such request.</summary>
    public async Task<DecisionPageModel?> DecisionAsync(int id, string viewerId, DecisionForm form, CancellationToken cancellationToken)
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
            row.RequestedByUserId == viewerId, form);
    }
}
