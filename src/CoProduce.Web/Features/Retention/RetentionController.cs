using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Retention;

/// <summary>The retention policy for co-production leads: what it keeps and why, what it would do today, and running it now.</summary>
[Authorize(Policy = Policies.RetentionManage)]
public sealed class RetentionController(RetentionPages pages, RetentionService retention, UserManager<Data.CoProduceUser> users) : Controller
{
    [HttpGet("retention")]
    public async Task<IActionResult> Index(RetentionPageQuery query, CancellationToken cancellationToken) =>
        View(await pages.ReadAsync(query.Pages, understood: false, cancellationToken));

    [HttpPost("retention/run")]
    public async Task<IActionResult> Run(RetentionRunForm form, CancellationToken cancellationToken)
    {
        if (!retention.IsEnabled)
        {
            ModelState.AddModelError(nameof(RetentionRunForm.Understood), "The retention policy is switched off in the portal's settings, so it cannot be run");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await pages.ReadAsync(new RetentionPageQuery().Pages, form.Understood, cancellationToken));
        }
        var result = await retention.RunAsync(users.GetUserId(User)!, cancellationToken);
        TempData["Success"] = "The retention policy ran. " + result.Describe();
        return Redirect("/retention");
    }
}
