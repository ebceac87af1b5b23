using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Statement;

/// <summary>
/// An expert by experience's own payment statement: what they have been paid and what is still to
/// come, per tax year. Only their own claims, found from their account.
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class StatementController(StatementPages pages, UserManager<CoProduceUser> users) : Controller
{
    /// <summary>A year or page that is not a number, or not on the list, shows this tax year's first page.</summary>
    [HttpGet("my-payments")]
    public async Task<IActionResult> Index(string? year, string? page, CancellationToken cancellationToken)
    {
        var startYear = int.TryParse(year, out var y) ? y : (int?)null;
        var pageNumber = int.TryParse(page, out var p) ? p : 1;
        return View(await pages.ReadAsync(users.GetUserId(User)!, startYear, pageNumber, cancellationToken));
    }
}
