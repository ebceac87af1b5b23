using CoProduce.Web.Infrastructure.Background;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Retention;

/// <summary>The retention policy for co-production leads: what it keeps and why, what it would do today, and running it now.</summary>
[Authorize(Policy = Policies.RetentionManage)]
public sealed class RetentionController(RetentionPages pages, RetentionService retention, JobRunner jobs, UserManager<Data.CoProduceUser> users) : Controller
{
    [HttpGet("retention")]
    public async Task<IActionResult> Index(RetentionPageQuery query, CancellationToken cancellationToken) =>
        View(await pages.ReadAsync(query.Pages, understood: false, cancellationToken));

    /// <summary>The lead must confirm: 400 with the error summary when they have not ticked the box.</summary>
    [HttpPost("retention/run")]
    [SubmitOnce]
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
        var leadId = users.GetUserId(User)!;
        // Under the nightly job's lease, so that it never runs beside the nightly run or another
        // lead's. Not cancelled if the browser or a proxy gives up waiting: each batch saves as it
        // goes, and a run stopped half way would leave no summary entry.
        var result = await jobs.RunNowAsync(RetentionJob.JobName,
            (services, ct) => services.GetRequiredService<RetentionService>().RunAsync(leadId, ct),
            ran => ran.Describe(), CancellationToken.None);
        if (result is null)
        {
            ModelState.AddModelError(nameof(RetentionRunForm.Understood), "The retention policy is running now (the nightly run, or someone else started it). Wait a few minutes, then look at this page again");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), await pages.ReadAsync(new RetentionPageQuery().Pages, form.Understood, cancellationToken));
        }
        TempData["Success"] = "The retention policy ran. " + result.Describe();
        return Redirect("/retention");
    }
}
