using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Ladder;

/// <summary>The ladder of co-production compared across projects. Each project's own ladder is on its page.</summary>
[Authorize(Policy = Policies.ProjectsEdit)]
public sealed class LadderController(LadderPages pages) : Controller
{
    /// <summary>A sort or page that is not on the list shows the first page by "doing with" share.</summary>
    [HttpGet("projects/ladder")]
    public async Task<IActionResult> Compare(string? sort, string? page, CancellationToken cancellationToken) =>
        View(await pages.CompareAsync(sort, int.TryParse(page, out var p) ? p : 1, cancellationToken));
}
