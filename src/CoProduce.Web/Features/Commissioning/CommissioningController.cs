using CoProduce.Web.Data;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Commissioning;

/// <summary>The commissioner's home: the commissioning projects, theirs first.</summary>
[Authorize(Policy = Policies.CommissioningAccess)]
public sealed class CommissioningController(CoProduceDbContext db, Microsoft.AspNetCore.Identity.UserManager<CoProduceUser> users) : Controller
{
    [HttpGet("commissioning")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = users.GetUserId(User);
        var rows = await db.CommissioningProjects
            .Join(db.Users, p => p.OwnerId, u => u.Id, (p, u) => new { p.Id, p.Title, p.ServiceArea, p.Stage, p.EstimatedValue, p.IsKeyDecision, p.OwnerId, Owner = u.DisplayName })
            .ToListAsync(cancellationToken);
        var projects = rows
            .OrderByDescending(r => r.OwnerId == me)
            .ThenBy(r => r.Title, StringComparer.CurrentCulture)
            .Select(r => new ProjectRow(r.Title, r.ServiceArea, r.Stage, r.EstimatedValue, r.IsKeyDecision, r.Owner, r.OwnerId == me))
            .ToList();
        return View(projects);
    }
}

public sealed record ProjectRow(string Title, string ServiceArea, CommissioningStage Stage, decimal EstimatedValue, bool IsKeyDecision, string Owner, bool IsMine);
