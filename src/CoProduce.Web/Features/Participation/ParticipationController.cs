// Over 200 lines for now: "Activities and people" moves its changes into an ActivityService, leaving binding and redirects.
using CoProduce.Web.Data;
using CoProduce.Web.Data.Configurations;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Participation;

/// <summary>
/// An expert by experience finds activities, signs up, withdraws and accepts a place offered to
/// them. Every change is made for the signed-in person's own profile, found from their account:
/// no form or address ever says whose sign-up to change.
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class ParticipationController(
    CoProduceDbContext db,
    ActivityService activities,
    UserManager<CoProduceUser> users,
    TimeProvider clock) : Controller
{
    public const string ConsentNeededMessage = "You need to give your consent before you can sign up. You can do this on your profile";

    [HttpGet("activities")]
    public async Task<IActionResult> Index(ActivityFilterForm filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var me = await MyProfileAsync(cancellationToken);
        var today = UkTime.Today(clock);
        // The same as Activity.AcceptsSignUps, in the database, which filters, sorts and pages.
        var query = db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Open && a.SignUpClosesOn >= today);
        if (filter.ModeChosen is { } mode)
        {
            // An activity people can join either way suits both.
            query = query.Where(a => a.Mode == mode || a.Mode == ActivityMode.Hybrid);
        }
        if (ModelState.IsValid && filter.From.ToDate() is { } from)
        {
            query = query.Where(a => a.Date >= from);
        }
        var myExperience = me?.LivedExperience ?? new HashSet<LivedExperienceArea>();
        if (filter.OnlyMyExperience && myExperience.Count > 0)
        {
            // An activity that asks for no particular experience welcomes everyone.
            query = query.Where(ChoiceSet.IsEmptyOrHoldsAny<Activity, LivedExperienceArea>(a => a.LivedExperienceSought, myExperience));
        }

        var paging = Paging.Of(await query.CountAsync(cancellationToken), ActivityListModel.PageSize, page);
        var myId = me?.Id;
        var found = await query
            .OrderBy(a => a.Date).ThenBy(a => a.StartTime).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(a => new
            {
                a.Id, a.Title, a.Type, a.Date, a.StartTime, a.EndTime, a.Mode, a.IsPaid, a.Places, a.ConfirmedCount,
                // Only the signed-in person's own sign-up, if they have one.
                MyStatus = a.SignUps.Where(s => s.ExpertProfileId == myId).Select(s => (SignUpStatus?)s.Status).FirstOrDefault(),
                MyAttendance = a.SignUps.Where(s => s.ExpertProfileId == myId).Select(s => (Attendance?)s.Attendance).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var rows = found.Select(a => new ActivityListRow(a.Id, a.Title, ParticipationText.Type(a.Type), ParticipationText.When(a.Date, a.StartTime, a.EndTime),
            ParticipationText.Mode(a.Mode), a.IsPaid, Math.Max(0, a.Places - a.ConfirmedCount),
            a.MyStatus is { } status ? ParticipationText.StatusLabel(status, a.MyAttendance ?? Attendance.NotRecorded) : null)).ToList();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        ViewData["Listing"] = new ActivityListModel(rows, paging, myExperience.Count > 0, me?.HasConsent == true);
        return View(filter);
    }

    [HttpGet("activities/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var me = await MyProfileAsync(cancellationToken);
        return await PageAsync(id, me, new SignUpForm(), cancellationToken);
    }

    [HttpPost("activities/{id:int}/sign-up")]
    [SubmitOnce]
    public async Task<IActionResult> SignUp(int id, SignUpForm form, CancellationToken cancellationToken)
    {
        var me = await MyProfileAsync(cancellationToken);
        if (!await IsVisibleAsync(id, me, cancellationToken))
        {
            return NotFound();
        }
        if (me is not { HasConsent: true })
        {
            ModelState.AddModelError(string.Empty, ConsentNeededMessage);
        }
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, me, form, cancellationToken);
        }

        var whatWouldHelp = form.WhatWouldHelp?.Trim() ?? string.Empty;
        var refusal = await TryChangeAsync(() => activities.RequestPlaceAsync(id, users.GetUserId(User)!, whatWouldHelp, cancellationToken));
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return await PageAsync(id, me, form, cancellationToken);
        }
        TempData["Success"] = "You have signed up. We will email you when the organiser has decided.";
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("activities/{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, CancellationToken cancellationToken)
    {
        var me = await MyProfileAsync(cancellationToken);
        if (!await IsVisibleAsync(id, me, cancellationToken))
        {
            return NotFound();
        }
        var refusal = await TryChangeAsync(() => activities.WithdrawAsync(id, users.GetUserId(User)!, cancellationToken));
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return await PageAsync(id, me, new SignUpForm(), cancellationToken);
        }
        TempData["Success"] = "You have withdrawn from this activity. Thank you for telling us.";
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("activities/{id:int}/accept-offer")]
    public async Task<IActionResult> AcceptOffer(int id, CancellationToken cancellationToken)
    {
        var me = await MyProfileAsync(cancellationToken);
        if (!await IsVisibleAsync(id, me, cancellationToken))
        {
            return NotFound();
        }
        if (me is not { HasConsent: true })
        {
            ModelState.AddModelError(string.Empty, "You need to give your consent before you can take a place. You can do this on your profile");
            return await PageAsync(id, me, new SignUpForm(), cancellationToken);
        }

        var emailed = false;
        var refusal = await TryChangeAsync(async () => emailed = await activities.AcceptOfferAsync(id, users.GetUserId(User)!, cancellationToken));
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return await PageAsync(id, me, new SignUpForm(), cancellationToken);
        }

        TempData["Success"] = emailed
            ? "Your place is confirmed. We have emailed you the details and a calendar invite."
            : "Your place is confirmed.";
        return RedirectToAction(nameof(Show), new { id });
    }

    /// <summary>The signed-in person's own profile: the only profile these pages ever act for.</summary>
    private async Task<ExpertProfile?> MyProfileAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        return userId is null
            ? null
            : await db.ExpertProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
    }

    /// <summary>Drafts and cancelled activities are not shown, except to someone who signed up for them.</summary>
    private async Task<bool> IsVisibleAsync(int id, ExpertProfile? me, CancellationToken cancellationToken)
    {
        var status = await db.Activities.Where(a => a.Id == id).Select(a => (ActivityStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return false;
        }
        if (status is not (ActivityStatus.Draft or ActivityStatus.Cancelled))
        {
            return true;
        }
        return me is not null && await db.SignUps.AnyAsync(s => s.ActivityId == id && s.ExpertProfileId == me.Id, cancellationToken);
    }

    /// <summary>Makes the change through <see cref="ActivityService"/>; a refusal by the rules comes back as words to show.</summary>
    private static async Task<string?> TryChangeAsync(Func<Task> change)
    {
        try
        {
            await change();
            return null;
        }
        catch (ActivityRuleException refused)
        {
            return refused.Message;
        }
    }

    private async Task<IActionResult> PageAsync(int id, ExpertProfile? me, SignUpForm form, CancellationToken cancellationToken)
    {
        if (!await IsVisibleAsync(id, me, cancellationToken))
        {
            return NotFound();
        }
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        var mine = me is null
            ? null
            : await db.SignUps.AsNoTracking()
                .Where(s => s.ActivityId == id && s.ExpertProfileId == me.Id)
                .Select(s => new { s.Status, s.Attendance, s.DeclineMessage })
                .SingleOrDefaultAsync(cancellationToken);

        var confirmed = mine?.Status == SignUpStatus.Confirmed;
        ViewData["Activity"] = new ActivityPageModel(
            activity.Id,
            activity.Title,
            ParticipationText.Type(activity.Type),
            activity.Description,
            ParticipationText.When(activity),
            ParticipationText.Date(activity.SignUpClosesOn),
            activity.Mode,
            ParticipationText.Mode(activity.Mode),
            activity.Mode == ActivityMode.Online ? null : activity.Venue,
            activity.AccessInformation,
            confirmed ? activity.JoiningInstructions : null,
            activity.IsPaid,
            Math.Max(0, activity.FreePlaces),
            activity.LivedExperienceSought.Order().Select(ParticipationText.Experience).ToList(),
            activity.Status,
            activity.AcceptsSignUps(clock.GetUtcNow().UtcDateTime),
            me?.HasConsent == true,
            ParticipationText.SignUpHint(me),
            mine is null
                ? null
                : new MySignUp(mine.Status, mine.Attendance, ParticipationText.StatusLabel(mine.Status, mine.Attendance),
                    ParticipationText.StatusNext(mine.Status, mine.Attendance), mine.DeclineMessage));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("Show", form);
    }
}
