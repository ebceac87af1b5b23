using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Features.Participation;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Involvement;

/// <summary>
/// An expert by experience's own home: their invitations, their activities and their details.
/// They answer an invitation here; <see cref="ActivityService"/> makes the change for their own
/// profile, found from their account, and <see cref="InvolvementPages"/> reads the page.
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class InvolvementController(ActivityService activities, InvolvementPages pages, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("my-involvement")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await pages.ReadAsync(Me, cancellationToken) is { } page ? View(new InvitationAnswerForm { Page = page }) : Challenge();

    [HttpPost("my-involvement/invitations/{id:int}/accept")]
    [SubmitOnce]
    public Task<IActionResult> AcceptInvitation(int id, InvitationAnswerForm form, CancellationToken cancellationToken) =>
        AnswerAsync(id, form, ParticipationText.ConsentNeededToSayYes, async () =>
        {
            await activities.AcceptInvitationAsync(id, Me, form.WhatWouldHelpText, cancellationToken);
            return ParticipationText.InvitationAccepted;
        }, cancellationToken);

    [HttpPost("my-involvement/invitations/{id:int}/decline")]
    [SubmitOnce]
    public Task<IActionResult> DeclineInvitation(int id, CancellationToken cancellationToken) =>
        AnswerAsync(id, new InvitationAnswerForm(), consentNeeded: null, async () =>
        {
            await activities.DeclineInvitationAsync(id, Me, cancellationToken);
            return ParticipationText.InvitationDeclined;
        }, cancellationToken);

    /// <summary>
    /// Answers the person's own invitation; on success goes back to the page with a banner. Bad
    /// input or a refusal by the rules (the activity is over, consent withdrawn) shows the page
    /// again with the message: nothing changed, so the page is read after. Without consent, the
    /// person is told so in their own terms (<paramref name="consentNeeded"/>): the rules' own
    /// words are for organisers.
    /// </summary>
    private async Task<IActionResult> AnswerAsync(int id, InvitationAnswerForm form, string? consentNeeded, Func<Task<string>> answer,
        CancellationToken cancellationToken)
    {
        string? refusal = null;
        if (ModelState.IsValid)
        {
            try
            {
                TempData["Success"] = await answer();
                return RedirectToAction(nameof(Index));
            }
            catch (ActivityRuleException refused)
            {
                refusal = refused.Message;
            }
        }
        if (await pages.ReadAsync(Me, cancellationToken) is not { } page)
        {
            return Challenge();
        }
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, consentNeeded is not null && !page.HasConsent ? consentNeeded : refusal);
        }
        form.Page = page;
        form.AnsweringActivityId = id;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), form);
    }
}
