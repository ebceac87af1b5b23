using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Feedback;

/// <summary>
/// Someone who attended an activity reads its notes and corrects the words of a note before it is
/// put in a theme. Anyone else, and any other activity, gets "page not found".
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
[Route("my-involvement/activities/{id:int}/feedback")]
public sealed class MyFeedbackController(FeedbackService feedback, FeedbackPages pages, UserManager<Data.CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("")]
    public async Task<IActionResult> MyNotes(int id, CancellationToken cancellationToken) =>
        await pages.MyNotesAsync(id, Me, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpGet("{itemId:long}")]
    public async Task<IActionResult> Correct(int id, long itemId, CancellationToken cancellationToken) =>
        await pages.CorrectionFormAsync(id, itemId, Me, cancellationToken) is { } form ? View(form) : NotFound();

    [HttpPost("{itemId:long}")]
    public async Task<IActionResult> Correct(int id, long itemId, NoteCorrectionForm form, CancellationToken cancellationToken)
    {
        if (await pages.CorrectionFormAsync(id, itemId, Me, cancellationToken) is not { } saved)
        {
            return NotFound();
        }
        form.Page = saved.Page;
        if (ModelState.IsValid)
        {
            try
            {
                if (!await feedback.CorrectAsync(id, itemId, form.Text!.Trim(), FeedbackForms.KeysOf(form.Keys), Me, cancellationToken))
                {
                    return NotFound();
                }
                TempData["Success"] = "Thank you. Your change is saved.";
                return Redirect($"/my-involvement/activities/{id}/feedback#note-{itemId}");
            }
            catch (FeedbackRuleException refused)
            {
                ModelState.AddModelError(nameof(NoteCorrectionForm.Text), refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }
}
