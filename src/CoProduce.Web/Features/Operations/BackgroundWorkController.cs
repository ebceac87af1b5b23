using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Operations;

/// <summary>For the people who run the scheme: when each background job last ran, on any instance, and what it did.</summary>
[Authorize(Policy = Policies.SchemeAdministration)]
public sealed class BackgroundWorkController(BackgroundWorkPages pages) : Controller
{
    [HttpGet("admin/background-work")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await pages.ReadAsync(cancellationToken));
}
