using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Feedback;

/// <summary>
/// The organiser writes down what people said at an activity, in the Working Together for Change
/// form, and tags the activity with the 7 Keys. <see cref="FeedbackService"/> makes every change;
/// <see cref="FeedbackPages"/> reads every page.
/// </summary>
[Authorize(Policy = Policies.ProjectsEdit)]
[Route("manage/activities/{id:int}")]
public sealed class ActivityFeedbackController(FeedbackService feedback, FeedbackPages pages, UserManager<Data.CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("feedback")]
    public async Task<IActionResult> Notes(int id, CancellationToken cancellationToken) =>
        await pages.NotesAsync(id, cancellationToken) is { } page ? View(new FeedbackNoteForm { Page = page, SaidBy = FeedbackNoteForm.TheGroup }) : NotFound();

    /// <summary>Adds a note, then comes back to an empty form for the next one.</summary>
    [HttpPost("feedback")]
    [SubmitOnce]
    public async Task<IActionResult> Notes(int id, FeedbackNoteForm form, CancellationToken cancellationToken)
    {
        if (await pages.NotesAsync(id, cancellationToken, form) is not { } page)
        {
            return NotFound();
        }
        form.Page = page;
        if (form.IsFindingSpeaker)
        {
            return FoundSpeakers(form);
        }
        if (ModelState.IsValid)
        {
            try
            {
                var note = form.ToNote();
                await feedback.RecordAsync(id, note, Me, cancellationToken);
                TempData["Success"] = $"Note added under {note.Kind.Describe()}. You can add the next one.";
                return Redirect($"/manage/activities/{id}/feedback#add-note");
            }
            catch (FeedbackRuleException refused)
            {
                ModelState.AddModelError(refused.Field ?? string.Empty, refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpGet("feedback/{itemId:long}/edit")]
    public async Task<IActionResult> Edit(int id, long itemId, CancellationToken cancellationToken) =>
        await pages.NoteFormAsync(id, itemId, cancellationToken) is { } form ? View(form) : NotFound();

    [HttpPost("feedback/{itemId:long}/edit")]
    public async Task<IActionResult> Edit(int id, long itemId, FeedbackNoteForm form, CancellationToken cancellationToken)
    {
        if (await pages.NoteFormAsync(id, itemId, cancellationToken, form) is not { } saved)
        {
            return NotFound();
        }
        form.Page = saved.Page;
        if (form.IsFindingSpeaker)
        {
            return FoundSpeakers(form);
        }
        if (ModelState.IsValid)
        {
            try
            {
                await feedback.ChangeAsync(id, itemId, form.ToNote(), form.Seen, Me, cancellationToken);
                TempData["Success"] = "Note changed.";
                return Redirect($"/manage/activities/{id}/feedback#note-{itemId}");
            }
            catch (FeedbackRuleException refused)
            {
                ModelState.AddModelError(refused.Field ?? string.Empty, refused.Message);
                if (refused.Field is null)
                {
                    // Saving again now keeps this organiser's words, knowingly.
                    form.Seen = saved.Seen;
                    ModelState.Remove(nameof(FeedbackNoteForm.Seen));
                    ViewData["Current"] = saved.Text;
                }
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    /// <summary>The same form again with the people matching the search, everything typed kept and nothing saved.</summary>
    private ViewResult FoundSpeakers(FeedbackNoteForm form)
    {
        foreach (var field in ModelState.Keys.Where(k => k != nameof(FeedbackNoteForm.SpeakerSearch)).ToList())
        {
            ModelState.Remove(field);
        }
        form.SaidBy ??= FeedbackNoteForm.TheGroup;
        return View(form);
    }

    [HttpGet("keys")]
    public async Task<IActionResult> Keys(int id, CancellationToken cancellationToken) =>
        await pages.KeysFormAsync(id, cancellationToken) is { } form ? View(form) : NotFound();

    [HttpPost("keys")]
    public async Task<IActionResult> Keys(int id, ActivityKeysForm form, CancellationToken cancellationToken)
    {
        if (await pages.KeysFormAsync(id, cancellationToken) is not { } saved)
        {
            return NotFound();
        }
        form.Page = saved.Page;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        await feedback.TagActivityAsync(id, FeedbackForms.KeysOf(form.Keys), Me, cancellationToken);
        TempData["Success"] = "7 Keys saved.";
        return Redirect($"/manage/activities/{id}");
    }
}
