using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Participation;

/// <summary>
/// An expert by experience finds activities, signs up, withdraws and accepts a place offered to
/// them. Every change is made by <see cref="ActivityService"/> for the signed-in person's own
/// profile, found from their account: no form or address ever says whose sign-up to change.
/// <see cref="ParticipationPages"/> reads every page.
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class ParticipationController(ActivityService activities, ParticipationPages pages, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("activities")]
    public async Task<IActionResult> Index(ActivityFilterForm filter, int page = 1, CancellationToken cancellationToken = default)
    {
        filter.Listing = await pages.ListAsync(Me, filter, ModelState.IsValid, page, cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(filter);
    }

    [HttpGet("activities/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await pages.ShowAsync(id, Me, cancellationToken) is { } page ? View(new SignUpForm { Page = page }) : NotFound();

    [HttpPost("activities/{id:int}/sign-up")]
    [SubmitOnce]
    public Task<IActionResult> SignUp(int id, SignUpForm form, CancellationToken cancellationToken) =>
        ActAsync(id, form, ParticipationText.ConsentNeededToSignUp, async () =>
        {
            await activities.RequestPlaceAsync(id, Me, form.WhatWouldHelpText, cancellationToken);
            return ParticipationText.SignedUp;
        }, cancellationToken);

    [HttpPost("activities/{id:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, CancellationToken cancellationToken) =>
        ActAsync(id, new SignUpForm(), consentNeeded: null, async () =>
        {
            await activities.WithdrawAsync(id, Me, cancellationToken);
            return ParticipationText.Withdrew;
        }, cancellationToken);

    [HttpPost("activities/{id:int}/accept-offer")]
    public Task<IActionResult> AcceptOffer(int id, CancellationToken cancellationToken) =>
        ActAsync(id, new SignUpForm(), ParticipationText.ConsentNeededToTakeAPlace,
            async () => ParticipationText.OfferAccepted(await activities.AcceptOfferAsync(id, Me, cancellationToken)), cancellationToken);

    /// <summary>
    /// Makes a change to the person's own sign-up, for an activity they may see. Bad input, no
    /// consent (when <paramref name="consentNeeded"/> says what to tell them) or a refusal by the
    /// rules shows the activity again with the message; success goes back to it with a banner.
    /// </summary>
    private async Task<IActionResult> ActAsync(int id, SignUpForm form, string? consentNeeded, Func<Task<string>> change, CancellationToken cancellationToken)
    {
        if (await pages.ShowAsync(id, Me, cancellationToken) is not { } page)
        {
            return NotFound();
        }
        if (consentNeeded is not null && !page.HasConsent)
        {
            ModelState.AddModelError(string.Empty, consentNeeded);
        }
        if (ModelState.IsValid)
        {
            try
            {
                TempData["Success"] = await change();
                return RedirectToAction(nameof(Show), new { id });
            }
            catch (ActivityRuleException refused)
            {
                // The rules refused, so nothing changed: the page read above is still true.
                ModelState.AddModelError(string.Empty, refused.Message);
            }
        }
        form.Page = page;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Show), form);
    }
}
