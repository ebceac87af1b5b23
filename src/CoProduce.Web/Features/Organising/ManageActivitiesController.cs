// Over 200 lines for now: "Activities and people" moves every change here into an ActivityService and the rules into Activity.
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Features.Commissioning;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Organising;

/// <summary>
/// Commissioners run activities: plan them, open them, fill places fairly, record attendance and
/// turn a completed activity into evidence for the requirement it meets.
/// </summary>
[Authorize(Policy = Policies.ProjectsEdit)]
[Route("manage/activities")]
public sealed class ManageActivitiesController(
    CoProduceDbContext db,
    SignUpService signUps,
    ActivityNotifier notifier,
    ProjectService projects,
    UserManager<CoProduceUser> users) : Controller
{
    /// <summary>How many projects the new-activity form offers to choose from.</summary>
    public const int ProjectChoices = 50;

    private string Me => users.GetUserId(User)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var paging = Paging.Of(await db.Activities.CountAsync(cancellationToken), ActivityListPage.PageSize, page);
        // Coming up first, soonest first; completed and cancelled ones after. Paged by the database.
        var rows = await db.Activities.AsNoTracking()
            .OrderBy(a => a.Status == ActivityStatus.Completed || a.Status == ActivityStatus.Cancelled).ThenBy(a => a.Date).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(a => new ActivityListRow(a.Id, a.Title, db.CommissioningProjects.Where(p => p.Id == a.ProjectId).Select(p => p.Title).First(),
                a.Date, a.Status, a.ConfirmedCount, a.Places, a.SignUps.Count(s => s.Status == SignUpStatus.Requested)))
            .ToListAsync(cancellationToken);
        return View(new ActivityListPage(rows, paging));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(int? projectId, CancellationToken cancellationToken)
    {
        await SetChoicesAsync(projectId, cancellationToken);
        return View("Edit", new ActivityForm { ProjectId = projectId?.ToString(System.Globalization.CultureInfo.InvariantCulture), Mode = nameof(ActivityMode.InPerson) });
    }

    [HttpPost("new")]
    [SubmitOnce]
    public async Task<IActionResult> Create(ActivityForm form, CancellationToken cancellationToken)
    {
        await CheckProjectAndRequirementAsync(form, cancellationToken);
        if (!ModelState.IsValid)
        {
            await SetChoicesAsync(ChosenProject(form), cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", form);
        }
        var activity = new Activity(int.Parse(form.ProjectId!, System.Globalization.CultureInfo.InvariantCulture), form.Title!.Trim(),
            Enum.Parse<ActivityType>(form.Type!), form.Description!.Trim(), form.Schedule(), form.Place(), int.Parse(form.Places!, System.Globalization.CultureInfo.InvariantCulture),
            form.Areas(), Enum.Parse<LadderRung>(form.Rung!), form.IsPaid == "yes", Me, signUps.Now);
        activity.LinkToRequirement(form.RequirementCode, signUps.Now);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Activity saved as a draft. Open it when you are ready for people to sign up";
        return RedirectToAction(nameof(Show), new { id = activity.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var model = await PageAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var activity = await signUps.LoadAsync(id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        await SetChoicesAsync(activity.ProjectId, cancellationToken);
        ViewData["ActivityId"] = id;
        return View(ActivityForm.From(activity));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ActivityForm form, CancellationToken cancellationToken)
    {
        var projectId = await db.Activities.Where(a => a.Id == id).Select(a => (int?)a.ProjectId).SingleOrDefaultAsync(cancellationToken);
        if (projectId is null)
        {
            return NotFound();
        }
        // An activity stays with its project: the requirement is checked against that project.
        form.ProjectId = projectId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ModelState.Remove(nameof(ActivityForm.ProjectId));
        await CheckProjectAndRequirementAsync(form, cancellationToken);
        if (ModelState.IsValid)
        {
            try
            {
                // A new date, time or place reaches everyone with a place, with an updated invite, in the same save.
                var moved = false;
                var told = new Told();
                await signUps.ChangeAsync(id, a => moved = a.Update(form.Title!.Trim(), Enum.Parse<ActivityType>(form.Type!), form.Description!.Trim(), form.Schedule(), form.Place(),
                    int.Parse(form.Places!, System.Globalization.CultureInfo.InvariantCulture), form.Areas(), Enum.Parse<LadderRung>(form.Rung!), form.IsPaid == "yes",
                    form.RequirementCode, signUps.Now), async a =>
                    {
                        told = new Told();
                        if (moved)
                        {
                            var people = await PeopleAsync(a.SignUps.Where(s => s.Status == SignUpStatus.Confirmed).Select(s => s.ExpertProfileId), cancellationToken);
                            told = Tell(people.Values, person => notifier.EnqueueChanged(person, a));
                        }
                    }, cancellationToken);
                TempData["Success"] = told.Count == 0 ? "Activity saved"
                    : "Activity saved. We have emailed the new details and an updated calendar invite to everyone with a place" + told.RingOrText;
                return RedirectToAction(nameof(Show), new { id });
            }
            catch (ActivityRuleException refused)
            {
                ModelState.AddModelError(nameof(ActivityForm.Places), refused.Message);
            }
        }
        await SetChoicesAsync(projectId, cancellationToken);
        ViewData["ActivityId"] = id;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpPost("{id:int}/status")]
    public async Task<IActionResult> ChangeStatus(int id, ActivityStatus to, CancellationToken cancellationToken)
    {
        return await ActAsync(id, a => a.MoveTo(to, signUps.Now), async activity =>
        {
            var told = new Told();
            if (to == ActivityStatus.Cancelled)
            {
                var live = activity.SignUps.Where(s => s.Status is not (SignUpStatus.Declined or SignUpStatus.Withdrawn)).ToList();
                var people = await PeopleAsync(live.Select(s => s.ExpertProfileId), cancellationToken);
                told = Tell(live.Where(s => people.ContainsKey(s.ExpertProfileId)),
                    s => notifier.EnqueueCancelled(people[s.ExpertProfileId], activity, hadPlace: s.Status == SignUpStatus.Confirmed));
            }
            return to switch
            {
                ActivityStatus.Open => "The activity is open. People can now sign up",
                ActivityStatus.Closed => "Sign-up is closed",
                ActivityStatus.Completed => "The activity is completed. Record attendance for each person",
                ActivityStatus.Cancelled => "The activity is cancelled. We have emailed everyone who signed up" + told.RingOrText,
                _ => "Saved",
            };
        }, cancellationToken);
    }

    [HttpPost("{id:int}/sign-ups/{signUpId:int}/confirm")]
    public async Task<IActionResult> Confirm(int id, int signUpId, CancellationToken cancellationToken) =>
        await WithoutConsentAsync(id, signUpId, cancellationToken) ?? await ActAsync(id, a => a.Confirm(signUpId, signUps.Now), async activity =>
        {
            var person = await PersonAsync(activity, signUpId, cancellationToken);
            return notifier.EnqueueConfirmed(person, activity)
                ? $"Place confirmed for {person.PreferredName}. We have emailed them"
                : $"Place confirmed for {person.PreferredName}. They have no email address, so ring or text them";
        }, cancellationToken);

    [HttpPost("{id:int}/sign-ups/{signUpId:int}/wait-list")]
    public Task<IActionResult> WaitList(int id, int signUpId, CancellationToken cancellationToken) =>
        ActAsync(id, a => a.WaitList(signUpId, signUps.Now), async activity =>
        {
            var person = await PersonAsync(activity, signUpId, cancellationToken);
            return notifier.EnqueueWaitingList(person, activity)
                ? $"{person.PreferredName} is on the waiting list. We have told them"
                : $"{person.PreferredName} is on the waiting list. They have no email address, so ring or text them";
        }, cancellationToken);

    [HttpPost("{id:int}/sign-ups/{signUpId:int}/offer")]
    public async Task<IActionResult> Offer(int id, int signUpId, CancellationToken cancellationToken) =>
        await WithoutConsentAsync(id, signUpId, cancellationToken) ?? await ActAsync(id, a => a.OfferPlace(signUpId, signUps.Now), async activity =>
        {
            var person = await PersonAsync(activity, signUpId, cancellationToken);
            return notifier.EnqueuePlaceOffered(person, activity)
                ? $"Place offered to {person.PreferredName}. They will accept it themselves"
                : $"Place offered to {person.PreferredName}. They have no email address, so ring or text them";
        }, cancellationToken);

    [HttpGet("{id:int}/sign-ups/{signUpId:int}/decline")]
    public async Task<IActionResult> Decline(int id, int signUpId, CancellationToken cancellationToken)
    {
        var model = await SignUpPageAsync(id, signUpId, cancellationToken);
        return model is null ? NotFound() : View(model with { Decline = new DeclineForm() });
    }

    [HttpPost("{id:int}/sign-ups/{signUpId:int}/decline")]
    public async Task<IActionResult> Decline(int id, int signUpId, DeclineForm form, CancellationToken cancellationToken)
    {
        var model = await SignUpPageAsync(id, signUpId, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            try
            {
                var message = form.Message!.Trim();
                string? success = null;
                await signUps.ChangeAsync(id, a => a.Decline(signUpId, message, signUps.Now), async a =>
                {
                    var person = await PersonAsync(a, signUpId, cancellationToken);
                    success = notifier.EnqueueDeclined(person, a, message)
                        ? $"We have told {person.PreferredName}, with your message"
                        : $"{person.PreferredName} has no email address, so ring or text them with your message";
                }, cancellationToken);
                TempData["Success"] = success;
                return RedirectToAction(nameof(Show), new { id });
            }
            catch (ActivityRuleException refused)
            {
                ModelState.AddModelError(nameof(DeclineForm.Message), refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(model with { Decline = form });
    }

    [HttpGet("{id:int}/sign-ups/{signUpId:int}/attendance")]
    public async Task<IActionResult> Attendance(int id, int signUpId, CancellationToken cancellationToken)
    {
        var model = await SignUpPageAsync(id, signUpId, cancellationToken);
        return model is null ? NotFound() : View(model with { AttendanceForm = new AttendanceForm { Hours = model.DefaultHours } });
    }

    [HttpPost("{id:int}/sign-ups/{signUpId:int}/attendance")]
    public async Task<IActionResult> Attendance(int id, int signUpId, AttendanceForm form, CancellationToken cancellationToken)
    {
        var model = await SignUpPageAsync(id, signUpId, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            try
            {
                await signUps.ChangeAsync(id, a => a.RecordAttendance(signUpId, Enum.Parse<Attendance>(form.Attendance!), form.HoursToKeep,
                    new SessionNotes(Trim(form.Preparation), Trim(form.CheckIn), Trim(form.Debrief)), signUps.Now), cancellationToken);
                TempData["Success"] = $"Attendance recorded for {model.PersonName}";
                return RedirectToAction(nameof(Show), new { id });
            }
            catch (ActivityRuleException refused)
            {
                ModelState.AddModelError(nameof(AttendanceForm.Attendance), refused.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(model with { AttendanceForm = form });
    }

    /// <summary>A completed activity linked to a requirement becomes that requirement's evidence in one step.</summary>
    [HttpPost("{id:int}/record-evidence")]
    [SubmitOnce]
    public async Task<IActionResult> RecordEvidence(int id, CancellationToken cancellationToken)
    {
        var activity = await signUps.LoadAsync(id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        var attended = activity.SignUps.Count(s => s.Attendance == Domain.Activities.Attendance.Attended);
        var project = await projects.LoadAsync(activity.ProjectId, cancellationToken);
        var requirement = activity.RequirementCode is null ? null : project?.Requirement(activity.RequirementCode);
        if (activity.Status != ActivityStatus.Completed || requirement is null || attended == 0 || activity.EvidenceRecordedUtc is not null)
        {
            TempData["Success"] = null;
            ModelState.AddModelError(string.Empty, activity.EvidenceRecordedUtc is not null
                ? "This activity has already been recorded as evidence"
                : "Only a completed activity with attendance recorded, linked to one of the project's requirements, can be recorded as evidence");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(id, cancellationToken));
        }
        try
        {
            // The activity's mark and the evidence are saved together. When another request changed the
            // activity at the same moment (a second click, another tab), this starts again from the fresh
            // copy, and the domain says it has already been recorded.
            await signUps.ChangeAsync(id, a => a.MarkEvidenceRecorded(signUps.Now), async a =>
            {
                var current = await projects.LoadAsync(a.ProjectId, cancellationToken);
                var linked = (a.RequirementCode is null ? null : current?.Requirement(a.RequirementCode))
                    ?? throw new ActivityRuleException("The requirement this activity meets is no longer one of the project's requirements.");
                projects.StageEvidence(current!, linked, new NewEvidence(
                    $"{Words.Type(a.Type)}: {a.Title}", a.Date, a.SignUps.Count(s => s.Attendance == Domain.Activities.Attendance.Attended),
                    $"Recorded from the activity \"{a.Title}\" ({Words.Rung(a.Rung)}).", [], a.Id), Me);
            }, cancellationToken);
        }
        catch (ActivityRuleException refused)
        {
            TempData["Success"] = null;
            ModelState.AddModelError(string.Empty, refused.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(id, cancellationToken));
        }
        TempData["Success"] = $"Recorded as evidence for {requirement.Code} {requirement.ShortName}";
        return Redirect($"/projects/{activity.ProjectId}#requirement-{requirement.Code}");
    }

    /// <summary>
    /// Makes the change and, in the same save, puts the emails it causes in the outbox
    /// (<paramref name="tell"/> adds them and returns the message for the organiser).
    /// </summary>
    private async Task<IActionResult> ActAsync(int id, Action<Activity> change, Func<Activity, Task<string>> tell, CancellationToken cancellationToken)
    {
        try
        {
            string? success = null;
            await signUps.ChangeAsync(id, change, async activity => success = await tell(activity), cancellationToken);
            TempData["Success"] = success;
            return RedirectToAction(nameof(Show), new { id });
        }
        catch (ActivityRuleException refused)
        {
            var model = await PageAsync(id, cancellationToken);
            if (model is null)
            {
                return NotFound();
            }
            ModelState.AddModelError(string.Empty, refused.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", model);
        }
    }

    /// <summary>People who have withdrawn consent (or deleted their information) are not given places.</summary>
    private async Task<IActionResult?> WithoutConsentAsync(int id, int signUpId, CancellationToken cancellationToken)
    {
        var profileId = await db.SignUps.Where(s => s.Id == signUpId && s.ActivityId == id).Select(s => (int?)s.ExpertProfileId).SingleOrDefaultAsync(cancellationToken);
        var person = profileId is null ? null : await db.ExpertProfiles.AsNoTracking().SingleAsync(p => p.Id == profileId, cancellationToken);
        if (person is null || person.HasConsent)
        {
            return null;
        }
        var model = await PageAsync(id, cancellationToken);
        ModelState.AddModelError(string.Empty, "This person has withdrawn their consent, so they cannot be given a place. They can sign up again if they give consent");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Show", model);
    }

    private async Task<ExpertProfile> PersonAsync(Activity activity, int signUpId, CancellationToken cancellationToken)
    {
        var profileId = activity.SignUps.Single(s => s.Id == signUpId).ExpertProfileId;
        return await db.ExpertProfiles.AsNoTracking().SingleAsync(p => p.Id == profileId, cancellationToken);
    }

    private async Task<Dictionary<int, ExpertProfile>> PeopleAsync(IEnumerable<int> profileIds, CancellationToken cancellationToken)
    {
        var ids = profileIds.Distinct().ToList();
        return await db.ExpertProfiles.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    /// <summary>How many people a change was emailed to, and how many have no email address.</summary>
    private sealed record Told(int Count = 0, int NotEmailed = 0)
    {
        public string RingOrText => NotEmailed == 0 ? string.Empty
            : NotEmailed == 1 ? ". One person has no email address: ring or text them (see \"Ring or text\" below)"
            : $". {NotEmailed} people have no email address: ring or text them (see \"Ring or text\" below)";
    }

    private static Told Tell<T>(IEnumerable<T> people, Func<T, bool> enqueue)
    {
        var told = new Told();
        foreach (var person in people)
        {
            told = enqueue(person) ? told with { Count = told.Count + 1 } : told with { Count = told.Count + 1, NotEmailed = told.NotEmailed + 1 };
        }
        return told;
    }

    private async Task<ActivityPageModel?> PageAsync(int id, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.SignUps).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return null;
        }
        var project = await db.CommissioningProjects.AsNoTracking().Where(p => p.Id == activity.ProjectId).Select(p => new { p.Id, p.Title }).SingleAsync(cancellationToken);
        var people = await PeopleAsync(activity.SignUps.Select(s => s.ExpertProfileId), cancellationToken);
        var balance = activity.Balance(people.ToDictionary(p => p.Key, p => p.Value.LivedExperience));
        var rows = activity.SignUps
            .OrderBy(s => s.Status switch { SignUpStatus.Confirmed => 0, SignUpStatus.Offered => 1, SignUpStatus.Requested => 2, SignUpStatus.WaitingList => 3, _ => 4 })
            .ThenBy(s => s.RequestedUtc)
            .Select(s => new SignUpRow(s, people.GetValueOrDefault(s.ExpertProfileId)))
            .ToList();
        // Messages about this activity that nobody could email: the organiser gives them by phone or text.
        var notEmailed = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ActivityId == id && m.Status == OutboxStatus.NoEmailAddress)
            .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.ExpertProfileId, m.Subject, m.TextBody })
            .ToListAsync(cancellationToken);
        var ringOrText = notEmailed
            .Where(m => m.ExpertProfileId is { } profileId && people.ContainsKey(profileId))
            .Select(m => new RingOrTextRow(m.Id, people[m.ExpertProfileId!.Value], m.Subject, m.TextBody))
            .ToList();
        return new ActivityPageModel(activity, project.Id, project.Title, rows, balance, ringOrText);
    }

    private async Task<SignUpPageModel?> SignUpPageAsync(int id, int signUpId, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, cancellationToken);
        var row = page?.SignUps.FirstOrDefault(r => r.SignUp.Id == signUpId);
        if (page is null || row is null)
        {
            return null;
        }
        var hours = (decimal)(page.Activity.EndTime - page.Activity.StartTime).TotalHours;
        return new SignUpPageModel(page.Activity, row.Person?.PreferredName ?? "Someone", row.SignUp,
            hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), new DeclineForm(), new AttendanceForm());
    }

    /// <summary>
    /// The project choices are bounded: the <see cref="ProjectChoices"/> changed most recently, and
    /// the chosen one. Any other project's page has its own "Plan an activity" link.
    /// </summary>
    private async Task SetChoicesAsync(int? chosenProjectId, CancellationToken cancellationToken)
    {
        var projects = await db.CommissioningProjects.AsNoTracking()
            .OrderByDescending(p => p.UpdatedUtc).ThenByDescending(p => p.Id)
            .Take(ProjectChoices + 1)
            .Select(p => new { p.Id, p.Title })
            .ToListAsync(cancellationToken);
        ViewData["MoreProjects"] = projects.Count > ProjectChoices;
        projects = projects.Take(ProjectChoices).ToList();
        if (chosenProjectId is { } chosen && projects.All(p => p.Id != chosen)
            && await db.CommissioningProjects.Where(p => p.Id == chosen).Select(p => new { p.Id, p.Title }).SingleOrDefaultAsync(cancellationToken) is { } older)
        {
            projects.Add(older);
        }
        ViewData["Projects"] = projects
            .OrderBy(p => p.Title, StringComparer.CurrentCulture)
            .Select(p => new SelectListItem(p.Title, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem("Select a project", string.Empty)).ToList();
        ViewData["Requirements"] = (await db.ProjectRequirements.AsNoTracking().Select(r => new { r.Code, r.ShortName }).Distinct().ToListAsync(cancellationToken))
            .DistinctBy(r => r.Code).OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new SelectListItem($"{r.Code} {r.ShortName}", r.Code))
            .Prepend(new SelectListItem("None", string.Empty)).ToList();
    }

    private static int? ChosenProject(ActivityForm form) =>
        int.TryParse(form.ProjectId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The project must exist, and a linked requirement must be one the project has.</summary>
    private async Task CheckProjectAndRequirementAsync(ActivityForm form, CancellationToken cancellationToken)
    {
        if (!int.TryParse(form.ProjectId, out var projectId))
        {
            return;
        }
        var codes = await db.ProjectRequirements.Where(r => r.ProjectId == projectId && r.IsRequired).Select(r => r.Code).ToListAsync(cancellationToken);
        if (!await db.CommissioningProjects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            ModelState.AddModelError(nameof(ActivityForm.ProjectId), "Select the commissioning project");
        }
        else if (!string.IsNullOrEmpty(form.RequirementCode) && !codes.Contains(form.RequirementCode))
        {
            ModelState.AddModelError(nameof(ActivityForm.RequirementCode), $"That project does not require {form.RequirementCode}. Select one of its requirements, or none");
        }
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record ActivityListRow(int Id, string Title, string Project, DateOnly Date, ActivityStatus Status, int Confirmed, int Places, int Waiting);

public sealed record ActivityListPage(IReadOnlyList<ActivityListRow> Rows, Paging Paging)
{
    public const int PageSize = 20;
}

public sealed record SignUpRow(SignUp SignUp, ExpertProfile? Person);

public sealed record ActivityPageModel(Activity Activity, int ProjectId, string ProjectTitle, IReadOnlyList<SignUpRow> SignUps,
    IReadOnlyDictionary<LivedExperienceArea, int> Balance, IReadOnlyList<RingOrTextRow> RingOrText);

/// <summary>A message someone could not be emailed: who to ring or text, and what to tell them.</summary>
public sealed record RingOrTextRow(long Id, ExpertProfile Person, string WhatToTell, string WholeMessage);

public sealed record SignUpPageModel(Activity Activity, string PersonName, SignUp SignUp, string DefaultHours, DeclineForm Decline, AttendanceForm AttendanceForm)
{
    // The forms' fields, named as they are posted.
    public string? Message => Decline.Message;
    public string? Attendance => AttendanceForm.Attendance;
    public string? Hours => AttendanceForm.Hours;
    public string? Preparation => AttendanceForm.Preparation;
    public string? CheckIn => AttendanceForm.CheckIn;
    public string? Debrief => AttendanceForm.Debrief;
}
