using CoProduce.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Feedback;

/// <summary>A project the signed-in person helped with, whose "you said, we did" is published.</summary>
public sealed record MyYouSaidWeDid(int ProjectId, string Title);

/// <summary>
/// On the involvement page: links to "you said, we did" for each project where the signed-in
/// person attended an activity with feedback and answers have been published. One query.
/// </summary>
public sealed class YouSaidWeDidLinksViewComponent(CoProduceDbContext db, UserManager<CoProduceUser> users) : ViewComponent
{
    public const int Most = 20;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = users.GetUserId(UserClaimsPrincipal) ?? string.Empty;
        var mine = TookPart.ProjectsOf(db, userId);
        var projects = await db.CommissioningProjects.AsNoTracking()
            .Where(p => db.YouSaidWeDidPublications.Any(y => y.ProjectId == p.Id) && mine.Contains(p.Id))
            .OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Take(Most)
            .Select(p => new MyYouSaidWeDid(p.Id, p.Title))
            .ToListAsync(HttpContext.RequestAborted);
        return View("/Features/Feedback/_YouSaidWeDidLinks.cshtml", projects);
    }
}
