using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Organising;

/// <summary>
/// Commissioners run activities: plan them, open them, fill places fairly, invite people from the
/// roster, record attendance and turn a completed activity into evidence for the requirement it
/// meets. <see cref="ActivityService"/> makes every change; <see cref="ActivityPages"/> reads every page.
/// </summary>
[Authorize(Policy = Policies.ProjectsEdit)]
[Route("manage/activities")]
public sealed class ManageActivitiesController(ActivityService activities, ActivityPages pages, UserManager<Data.CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default) =>
        View(await pages.ListAsync(page, cancellationToken));

    [HttpGet("new")]
    public Task<IActionResult> Create(int? projectId, CancellationToken cancellationToken) =>
        FormAsync(new ActivityForm { ProjectId = projectId?.ToString(System.Globalization.CultureInfo.InvariantCulture), Mode = nameof(ActivityMode.InPerson) }, cancellationToken);

    [HttpPost("new")]
    [SubmitOnce]
    public async Task<IActionResult> Create(ActivityForm form, CancellationToken cancellationToken)
    {
        await pages.CheckChoicesAsync(form, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await FormAsync(form, cancellationToken, StatusCodes.Status400BadRequest);
        }
        var id = await activities.CreateAsync(form.ChosenProjectId()!.Value, form.Details(), form.RequirementCode, Me, cancellationToken);
        TempData["Success"] = OrganiserText.Created;
        return RedirectToAction(nameof(Show), new { id });
    }

    /// <summary>The activity, with a page of its sign-ups: <paramref name="list"/> says which group, sort and page.</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, SignUpListView list, CancellationToken cancellationToken) =>
        await pages.ShowAsync(id, list, Me, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await pages.FormAsync(id, cancellationToken) is { } form ? await FormAsync(form, cancellationToken) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ActivityForm form, CancellationToken cancellationToken)
    {
        if (await pages.ProjectOfAsync(id, cancellationToken) is not { } projectId)
        {
            return NotFound();
        }
        // An activity stays with its project: the requirement is checked against that project.
        form.ProjectId = projectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form.ActivityId = id;
        ModelState.Remove(nameof(ActivityForm.ProjectId));
        await pages.CheckChoicesAsync(form, ModelState, cancellationToken);
        if (ModelState.IsValid)
        {
            try
            {
                var told = await activities.UpdateAsync(id, form.Details(), form.RequirementCode, form.Version, Me, cancellationToken);
                TempData["Success"] = OrganiserText.Saved(told);
                return RedirectToAction(nameof(Show), new { id });
            }
            catch (ActivityChangedMeanwhileException changed)
            {
                // Saving again now keeps this organiser's changes, knowingly.
                ModelState.AddModelError(string.Empty, changed.Message);
                form.Version = (await pages.FormAsync(id, cancellationToken))?.Version;
                ModelState.Remove(nameof(ActivityForm.Version));
            }
            catch (ActivityRuleException refused)
            {
                // Too few places for those already given one, or an activity that can no longer change.
                ModelState.AddModelError(refused.Message.Contains("places", StringComparison.Ordinal) ? nameof(ActivityForm.Places) : string.Empty, refused.Message);
            }
        }
        return await FormAsync(form, cancellationToken, StatusCodes.Status400BadRequest);
    }

    [HttpPost("{id:int}/status")]
    public Task<IActionResult> ChangeStatus(int id, ActivityStatus to, CancellationToken cancellationToken) =>
        ActAsync(id, async () => OrganiserText.Moved(to, await activities.MoveAsync(id, to, Me, cancellationToken)), cancellationToken);

    [HttpPost("{id:int}/sign-ups/{signUpId:int}/confirm")]
    public Task<IActionResult> Confirm(int id, int signUpId, SignUpListView list, CancellationToken cancellationToken) =>
        ActAsync(id, async () => OrganiserText.Confirmed(await activities.ConfirmAsync(id, signUpId, Me, cancellationToken)), cancellationToken, list);

    [HttpPost("{id:int}/sign-ups/{signUpId:int}/wait-list")]
    public Task<IActionResult> WaitList(int id, int signUpId, SignUpListView list, CancellationToken cancellationToken) =>
        ActAsync(id, async () => OrganiserText.WaitListed(await activities.WaitListAsync(id, signUpId, Me, cancellationToken)), cancellationToken, list);

    [HttpPost("{id:int}/sign-ups/{signUpId:int}/offer")]
    public Task<IActionResult> Offer(int id, int signUpId, SignUpListView list, CancellationToken cancellationToken) =>
        ActAsync(id, async () => OrganiserText.Offered(await activities.OfferAsync(id, signUpId, Me, cancellationToken)), cancellationToken, list);

    /// <summary>Invites someone from the roster; the organiser goes back to the roster to invite more.</summary>
    [HttpPost("{id:int}/invite")]
    public async Task<IActionResult> Invite(int id, int expertProfileId, string? returnTo, CancellationToken cancellationToken)
    {
        var result = await ActAsync(id, async () => OrganiserText.Invited(await activities.InviteAsync(id, expertProfileId, Me, cancellationToken)), cancellationToken);
        return result is RedirectResult && Url.IsLocalUrl(returnTo) ? Redirect(ReturnUrls.SafeLocal(returnTo, Url.IsLocalUrl)) : result;
    }

    [HttpGet("{id:int}/sign-ups/{signUpId:int}/decline")]
    public async Task<IActionResult> Decline(int id, int signUpId, SignUpListView list, CancellationToken cancellationToken) =>
        await pages.SignUpAsync(id, signUpId, cancellationToken) is { } page ? View(new DeclineForm { Page = page, List = list }) : NotFound();

    [HttpPost("{id:int}/sign-ups/{signUpId:int}/decline")]
    public Task<IActionResult> Decline(int id, int signUpId, DeclineForm form, CancellationToken cancellationToken) =>
        FormActAsync(id, signUpId, form, form.List, page => form.Page = page, nameof(DeclineForm.Message),
            async () => OrganiserText.Declined(await activities.DeclineAsync(id, signUpId, form.Message!.Trim(), Me, cancellationToken)), cancellationToken);

    [HttpGet("{id:int}/sign-ups/{signUpId:int}/attendance")]
    public async Task<IActionResult> Attendance(int id, int signUpId, SignUpListView list, CancellationToken cancellationToken) =>
        await pages.AttendanceFormAsync(id, signUpId, list, cancellationToken) is { } form ? View(form) : NotFound();

    [HttpPost("{id:int}/sign-ups/{signUpId:int}/attendance")]
    public Task<IActionResult> Attendance(int id, int signUpId, AttendanceForm form, CancellationToken cancellationToken) =>
        FormActAsync(id, signUpId, form, form.List, page => form.Page = page, nameof(AttendanceForm.Attendance), async () =>
        {
            await activities.RecordAttendanceAsync(id, signUpId, Enum.Parse<Attendance>(form.Attendance!), form.TimeToKeep(), form.Notes(), Me, cancellationToken);
            return OrganiserText.AttendanceRecorded(form.Page!.PersonName);
        }, cancellationToken);

    /// <summary>A completed activity linked to a requirement becomes that requirement's evidence in one step.</summary>
    [HttpPost("{id:int}/record-evidence")]
    [SubmitOnce]
    public Task<IActionResult> RecordEvidence(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var recorded = await activities.RecordEvidenceAsync(id, Me, cancellationToken);
            return (OrganiserText.RecordedAsEvidence(recorded), $"/projects/{recorded.ProjectId}#requirement-{recorded.RequirementCode}");
        }, cancellationToken);

    private Task<IActionResult> ActAsync(int id, Func<Task<string>> change, CancellationToken cancellationToken, SignUpListView? list = null) => ActAsync(id, async () => (await change(), (string?)null), cancellationToken, list);

    /// <summary>Makes a change; on success says what happened and goes back to the activity's same page of sign-ups (or on), on refusal shows why there.</summary>
    private async Task<IActionResult> ActAsync(int id, Func<Task<(string Message, string? Then)>> change, CancellationToken cancellationToken, SignUpListView? list = null)
    {
        try
        {
            var (message, then) = await change();
            TempData["Success"] = message;
            return Redirect(then ?? (list ?? new()).Href(id));
        }
        catch (ActivityRuleException refused)
        {
            TempData["Success"] = null;
            if (await pages.ShowAsync(id, list ?? new(), Me, cancellationToken) is not { } model)
            {
                return NotFound();
            }
            ModelState.AddModelError(string.Empty, refused.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Show), model);
        }
    }

    /// <summary>A change from a form about one sign-up: bad input or a refusal shows the form again, with the message by <paramref name="field"/>.</summary>
    private async Task<IActionResult> FormActAsync(int id, int signUpId, object form, SignUpListView list, Action<SignUpPageModel> setPage, string field,
        Func<Task<string>> change, CancellationToken cancellationToken)
    {
        if (await pages.SignUpAsync(id, signUpId, cancellationToken) is not { } page)
        {
            return NotFound();
        }
        setPage(page);
        if (ModelState.IsValid)
        {
            try
            {
                TempData["Success"] = await change();
                return Redirect(list.Href(id));
            }
            catch (ActivityRuleException refused)
            {
                ModelState.AddModelError(field, refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    private async Task<IActionResult> FormAsync(ActivityForm form, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        form.Choices = await pages.ChoicesAsync(form, cancellationToken);
        Response.StatusCode = status;
        return View("Edit", form);
    }
}
