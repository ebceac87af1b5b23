using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Organising;

/// <summary>
/// The organiser's pages, read from the database as flat read models: what to show and which
/// choices to offer, as <see cref="Activity"/> decides them. Every list is filtered, sorted and
/// paged by the database, and a page's number of SQL commands does not grow with the data.
/// </summary>
public sealed class ActivityPages(CoProduceDbContext db, Audit.SpecialCategoryViewsService views, TimeProvider clock)
{
    /// <summary>How many projects the new-activity form offers to choose from.</summary>
    public const int ProjectChoices = 50;

    /// <summary>"How often did they take part lately" looks back this far.</summary>
    public const int InvolvementMonths = 12;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ActivityListPage> ListAsync(int page, CancellationToken cancellationToken)
    {
        var paging = Paging.Of(await db.Activities.CountAsync(cancellationToken), ActivityListPage.PageSize, page);
        // Coming up first, soonest first; completed and cancelled ones after. Paged by the database.
        var rows = await db.Activities.AsNoTracking()
            .OrderBy(a => a.Status == ActivityStatus.Completed || a.Status == ActivityStatus.Cancelled).ThenBy(a => a.Date).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(a => new ActivityListRow(a.Id, a.Title, db.CommissioningProjects.Where(p => p.Id == a.ProjectId).Select(p => p.Title).First(),
                a.Date, a.Status, a.ConfirmedCount, a.Places, a.SignUps.Count(s => s.Status == SignUpStatus.Requested)))
            .ToListAsync(cancellationToken);
        return new ActivityListPage(rows, paging);
    }

    /// <summary>How many sign-ups the activity page lists at a time.</summary>
    public const int SignUpPageSize = 50;

    /// <summary>How many messages nobody could email the activity page lists: the most recent.</summary>
    public const int RingOrTextShown = 50;

    /// <summary>
    /// One activity for its organiser, with its sign-ups counted by status and attendance and
    /// listed a page at a time (<paramref name="list"/>): those with a place first, then offered,
    /// asked, waiting and invited, each in the order asked for, or, with least-involved sorting,
    /// those still waiting for a decision who took part least recently first, so the same few are
    /// not always chosen. Each
    /// person whose access needs or lived experience the page shows is recorded in the audit log
    /// as seen by <paramref name="viewerUserId"/>. The activity is read without its sign-ups: the
    /// counts its decisions need come from the database.
    /// </summary>
    public async Task<ActivityPageModel?> ShowAsync(int id, SignUpListView list, string viewerUserId, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return null;
        }
        var now = Now;
        var project = await db.CommissioningProjects.AsNoTracking().Where(p => p.Id == activity.ProjectId).Select(p => new { p.Id, p.Title }).SingleAsync(cancellationToken);
        var rateItem = activity.RateItemId is { } rateItemId
            ? await db.RateItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == rateItemId, cancellationToken)
            : null;
        var tally = await db.SignUps.AsNoTracking().Where(s => s.ActivityId == id)
            .GroupBy(s => new { s.Status, s.Attendance })
            .Select(g => new SignUpTally(g.Key.Status, g.Key.Attendance, g.Count()))
            .ToListAsync(cancellationToken);
        var offered = tally.Where(t => t.Status == SignUpStatus.Offered).Sum(t => t.Count);
        var attended = tally.Where(t => t.Attendance == Attendance.Attended).Sum(t => t.Count);
        var anyAttendance = tally.Any(t => t.Attendance != Attendance.NotRecorded);

        var (signUps, pageRows) = await SignUpPageAsync(id, list, tally, cancellationToken);
        var people = await PeopleAsync(pageRows.Select(s => s.ExpertProfileId), cancellationToken);
        var involvement = await InvolvementAsync(pageRows.Select(s => s.ExpertProfileId), cancellationToken);
        var rows = pageRows.Select(s => SignUpRowFor(activity, offered, s, people.GetValueOrDefault(s.ExpertProfileId), involvement.GetValueOrDefault(s.ExpertProfileId), now)).ToList();
        await views.RecordAsync(
            rows.Join(pageRows, r => r.Id, s => s.Id, (r, s) => new Audit.SpecialCategoryView(s.ExpertProfileId,
                Domain.Audit.SpecialCategories.Of(accessNeeds: r.AccessNeeds.Count > 0 || r.AccessNeedsOther is not null || r.WhatWouldHelp is not null,
                    livedExperience: people.GetValueOrDefault(s.ExpertProfileId)?.LivedExperience.Count > 0))),
            $"shown on the organiser's page of activity {activity.Id}", viewerUserId, cancellationToken);

        // Everyone with a place, counted by the lived experience they bring: one row for each set of areas.
        var bySet = await db.SignUps.AsNoTracking().Where(s => s.ActivityId == id && s.Status == SignUpStatus.Confirmed)
            .Join(db.ExpertProfiles, s => s.ExpertProfileId, p => p.Id, (s, p) => p.LivedExperience)
            .GroupBy(e => e).Select(g => new { Areas = g.Key, People = g.Count() })
            .ToListAsync(cancellationToken);
        var balance = Activity.Balance(bySet.Select(b => (b.Areas, b.People)));

        // Messages about this activity that nobody could email, the most recent first: the organiser gives them by phone or text.
        var notEmailed = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ActivityId == id && m.Status == OutboxStatus.NoEmailAddress)
            .Join(db.ExpertProfiles, m => m.ExpertProfileId, p => p.Id, (m, p) => new { m.Id, m.CreatedUtc, p.PreferredName, p.ContactPhone, p.PreferredContact, m.Subject, m.TextBody })
            .OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id)
            .Take(RingOrTextShown + 1)
            .ToListAsync(cancellationToken);
        var ringOrText = notEmailed.Take(RingOrTextShown)
            .Select(m => new RingOrTextRow(m.Id, m.PreferredName, OrganiserText.Phone(m.ContactPhone, m.PreferredContact), m.Subject, m.TextBody))
            .ToList();

        return new ActivityPageModel(
            activity.Id, activity.Title, project.Id, project.Title, activity.Status.ToString(), OrganiserText.When(activity),
            OrganiserText.Where(activity), $"{activity.ConfirmedCount} of {activity.Places} filled", Words.Rung(activity.Rung), PayFor(activity, rateItem),
            activity.RequirementCode ?? "No requirement linked", activity.SignUpClosesOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
            activity.AllowedMoves(now, anyAttendance).Select(to => new StatusMove(to, OrganiserText.MoveLabel(to), to == ActivityStatus.Cancelled)).ToList(),
            CanChange: activity.CanChange,
            CanInvite: activity.CanInvite(now),
            EvidenceFor: activity.WhyNotEvidence(attended) is null ? activity.RequirementCode : null,
            balance.OrderByDescending(b => b.Value).ThenBy(b => b.Key).Select(b => new BalanceRow(Words.Area(b.Key), b.Value)).ToList(),
            activity.LivedExperienceSought.Except(balance.Keys).Order().Select(Words.Area).ToList(),
            ringOrText, notEmailed.Count > RingOrTextShown, signUps with { Rows = rows },
            activity.EasyReadSummary, PlainEnglishChecker.Check(activity.EasyReadSummary),
            Domain.Feedback.SevenKeysInfo.Split(activity.Keys).Select(k => k.ToString()).ToList());
    }

    /// <summary>
    /// One page of the activity's sign-ups, filtered, sorted and paged by the database; the
    /// number in each group is the database's count (<paramref name="tally"/>).
    /// </summary>
    private async Task<(SignUpListPage Page, List<SignUp> Rows)> SignUpPageAsync(int id, SignUpListView list, IReadOnlyList<SignUpTally> tally, CancellationToken cancellationToken)
    {
        var filter = SignUpFilter.Find(list.Show);
        var everyone = tally.Sum(t => t.Count);
        var paging = Paging.Of(filter is null ? everyone : tally.Where(filter.Counts).Sum(t => t.Count), SignUpPageSize, list.Page);
        var query = db.SignUps.AsNoTracking().Where(s => s.ActivityId == id);
        if (filter is not null)
        {
            query = query.Where(filter.Matches);
        }
        var byStatus = query.OrderBy(s => s.Status == SignUpStatus.Confirmed ? 0 : s.Status == SignUpStatus.Offered ? 1 : s.Status == SignUpStatus.Requested ? 2
            : s.Status == SignUpStatus.WaitingList ? 3 : s.Status == SignUpStatus.Invited ? 4 : 5);
        var today = UkTime.Today(clock);
        var sorted = list.LeastInvolvedFirst
            // When each person still waiting for a decision last took part (never first), looked up in the database
            // for those sign-ups only: the order of those with a place, or no longer asking, stays the order asked.
            ? byStatus.ThenBy(s => s.Status == SignUpStatus.Offered || s.Status == SignUpStatus.Requested || s.Status == SignUpStatus.WaitingList || s.Status == SignUpStatus.Invited
                ? db.SignUps.Where(o => o.ExpertProfileId == s.ExpertProfileId && o.Attendance == Attendance.Attended)
                    .Join(db.Activities.Where(a => a.Date <= today), o => o.ActivityId, a => a.Id, (o, a) => (DateOnly?)a.Date).Max()
                : null)
            : byStatus;
        var rows = await sorted.ThenBy(s => s.RequestedUtc).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);

        var groups = SignUpFilter.All
            .Select(f => new SignUpGroupRow(f.Label, tally.Where(f.Counts).Sum(t => t.Count), list.Href(id, page: 1, show: f.Key), f == filter))
            .Where(g => g.Count > 0 || g.IsListed)
            .Prepend(new SignUpGroupRow("Everyone", everyone, list.Href(id, page: 1, show: null), filter is null))
            .ToList();
        return (new SignUpListPage([], paging, list with { Show = filter?.Key, Page = paging.Page }, filter?.Label, everyone, groups), rows);
    }

    /// <summary>The pay people will see before they sign up: the rate in force on the activity's date, or none.</summary>
    private static string PayFor(Activity activity, RateItem? rateItem) =>
        rateItem is null ? (activity.IsPaid ? "Paid, but no rate chosen yet: choose one in the activity's details" : "Not paid for time (expenses only)")
        : rateItem.InForceOn(activity.Date) is { } version ? $"{version.Terms.Describe(rateItem.Kind)} ({rateItem.Name})"
        : $"{rateItem.Name} has no rate on the activity's date: choose another rate, or ask the co-production lead to add one";

    private static SignUpRow SignUpRowFor(Activity activity, int offered, SignUp s, ExpertProfile? p, Involvement? involvement, DateTime now)
    {
        var choices = activity.ChoicesFor(s, offered, now);
        var consented = p?.HasConsent == true;
        return new SignUpRow(
            s.Id, p?.PreferredName ?? "Someone", Words.Status(s.Status), consented,
            p is null ? [] : p.AccessNeeds.Order().Select(n => Words.Need(n) + (n == AccessNeed.AnotherLanguage && p.Language is not null ? $": {p.Language}" : string.Empty)).ToList(),
            p?.AccessNeedsOther,
            p is null ? null : p.LivedExperience.Count == 0 ? "not given" : string.Join(", ", p.LivedExperience.Select(Words.Area)),
            string.IsNullOrWhiteSpace(s.WhatWouldHelp) ? null : s.WhatWouldHelp,
            s.Status == SignUpStatus.Confirmed ? s.FixedFee?.Describe() : null,
            OrganiserText.Attendance(s),
            involvement?.Count ?? 0,
            involvement?.LastTookPart is { } last ? last.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) : null,
            CanConfirm: choices.CanConfirm && consented,
            CanWaitList: choices.CanWaitList,
            CanOffer: choices.CanOffer && consented,
            CanDecline: choices.CanDecline,
            CanRecordAttendance: choices.CanRecordAttendance);
    }

    public async Task<SignUpPageModel?> SignUpAsync(int id, int signUpId, CancellationToken cancellationToken)
    {
        var found = await db.SignUps.AsNoTracking()
            .Where(s => s.Id == signUpId && s.ActivityId == id)
            .Join(db.Activities, s => s.ActivityId, a => a.Id, (s, a) => new { a.Title, a.StartTime, a.EndTime, s.ExpertProfileId })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var name = await db.ExpertProfiles.Where(p => p.Id == found.ExpertProfileId).Select(p => p.PreferredName).SingleAsync(cancellationToken);
        var hours = (decimal)(found.EndTime - found.StartTime).TotalHours;
        return new SignUpPageModel(id, found.Title, signUpId, name, hours.ToString("0.##", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The attendance form: what was recorded before, to correct it (nothing is lost by saving it
    /// again), or, the first time, the activity's length as the time at the activity.
    /// </summary>
    public async Task<AttendanceForm?> AttendanceFormAsync(int id, int signUpId, SignUpListView list, CancellationToken cancellationToken)
    {
        if (await SignUpAsync(id, signUpId, cancellationToken) is not { } page)
        {
            return null;
        }
        // The activity with this one sign-up: what can be recorded depends on nobody else's.
        var activity = await db.Activities.AsNoTracking().Include(a => a.SignUps.Where(s => s.Id == signUpId)).SingleAsync(a => a.Id == id, cancellationToken);
        var saved = activity.SignUps.Single(s => s.Id == signUpId);
        var claim = await db.Claims.AsNoTracking().Where(c => c.SignUpId == signUpId && c.CorrectsClaimId == null)
            .Select(c => new { c.Id, c.FirstSubmittedUtc }).SingleOrDefaultAsync(cancellationToken);
        var hasEmail = await db.ExpertProfiles.Where(p => p.Id == saved.ExpertProfileId).Select(p => p.ContactEmail != null).SingleAsync(cancellationToken);
        // The form shows only when attendance can be recorded; otherwise the page says why (a claim already sent, say).
        page = page with
        {
            WhyNoAttendance = activity.WhyNoAttendance(saved, Now, claimSent: claim?.FirstSubmittedUtc is not null),
            ClaimId = claim?.Id,
            // The organiser works on a claim only for someone who cannot do it themselves.
            MayClaimForThem = ClaimRules.WhyNoClaimOnBehalf(saved.Status, saved.Attendance, hasEmail) is null,
        };
        static string? Hours(int? minutes) => minutes is { } m and > 0 ? (m / 60m).ToString("0.##", CultureInfo.InvariantCulture) : null;
        return saved.Attendance == Attendance.NotRecorded
            ? new AttendanceForm { Page = page, List = list, Hours = page.DefaultHours }
            : new AttendanceForm
            {
                Page = page,
                List = list,
                Attendance = saved.Attendance.ToString(),
                Hours = Hours(saved.ActivityMinutes) ?? page.DefaultHours,
                PreparationHours = Hours(saved.PreparationMinutes),
                TravelHours = Hours(saved.TravelMinutes),
                Preparation = saved.PreparationNotes,
                CheckIn = saved.CheckInNotes,
                Debrief = saved.DebriefNotes,
            };
    }

    /// <summary>
    /// The form's choices. Projects are bounded: the <see cref="ProjectChoices"/> changed most
    /// recently, and the chosen one. Any other project's page has its own "Plan an activity" link.
    /// </summary>
    public async Task<ActivityFormChoices> ChoicesAsync(ActivityForm form, CancellationToken cancellationToken)
    {
        var chosenProjectId = form.ChosenProjectId();
        var projects = await db.CommissioningProjects.AsNoTracking()
            .OrderByDescending(p => p.UpdatedUtc).ThenByDescending(p => p.Id)
            .Take(ProjectChoices + 1)
            .Select(p => new { p.Id, p.Title })
            .ToListAsync(cancellationToken);
        var more = projects.Count > ProjectChoices;
        projects = projects.Take(ProjectChoices).ToList();
        if (chosenProjectId is { } chosen && projects.All(p => p.Id != chosen)
            && await db.CommissioningProjects.Where(p => p.Id == chosen).Select(p => new { p.Id, p.Title }).SingleOrDefaultAsync(cancellationToken) is { } older)
        {
            projects.Add(older);
        }
        var projectItems = projects
            .OrderBy(p => p.Title, StringComparer.CurrentCulture)
            .Select(p => new SelectListItem(p.Title, p.Id.ToString(CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem("Select a project", string.Empty)).ToList();
        var requirements = (await db.ProjectRequirements.AsNoTracking().Select(r => new { r.Code, r.ShortName }).Distinct().ToListAsync(cancellationToken))
            .DistinctBy(r => r.Code).OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new SelectListItem($"{r.Code} {r.ShortName}", r.Code))
            .Prepend(new SelectListItem("None", string.Empty)).ToList();
        return new ActivityFormChoices(projectItems, more, requirements, await PayChoicesAsync(form, cancellationToken));
    }

    /// <summary>
    /// The rates an organiser can choose: those for the activity's type in force on its date
    /// (<see cref="RateCard.ForActivity"/>), or, before a type and date are given, every rate in
    /// force today; and "not paid for time". The rate card is short, so it is read whole.
    /// </summary>
    private async Task<IReadOnlyList<SelectListItem>> PayChoicesAsync(ActivityForm form, CancellationToken cancellationToken)
    {
        var card = new RateCard(await db.RateItems.AsNoTracking().ToListAsync(cancellationToken));
        var date = form.Date.ToDate() ?? UkTime.Today(clock);
        var rates = Enum.TryParse<ActivityType>(form.Type, out var type) && Enum.IsDefined(type)
            ? card.ForActivity(type, date).Select(r => new SelectListItem($"{r.Item.Name}: {r.Describe()}", Id(r.Item.Id)))
            : card.InForceOn(date).Select(r => new SelectListItem($"{r.Item.Name} ({Words.Type(r.Item.ActivityType)}): {r.Describe()}", Id(r.Item.Id)));
        return [.. rates, new SelectListItem("Not paid for time (expenses only)", ActivityForm.NotPaid)];
        static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
    }

    public Task<ActivityForm?> FormAsync(int id, CancellationToken cancellationToken) =>
        db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => ActivityForm.From(a)).SingleOrDefaultAsync(cancellationToken)!;

    public Task<int?> ProjectOfAsync(int activityId, CancellationToken cancellationToken) =>
        db.Activities.Where(a => a.Id == activityId).Select(a => (int?)a.ProjectId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The form's project must exist, a linked requirement must be one it has, and a chosen rate
    /// must be for its type with a rate on its date; a problem goes next to its field.
    /// </summary>
    public async Task CheckChoicesAsync(ActivityForm form, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        await CheckRateAsync(form, modelState, cancellationToken);
        if (form.ChosenProjectId() is not { } projectId)
        {
            return; // the validator has already said to select one
        }
        var requirementCode = form.RequirementCode;
        if (!await db.CommissioningProjects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            modelState.AddModelError(nameof(ActivityForm.ProjectId), "Select the commissioning project");
        }
        else if (!string.IsNullOrEmpty(requirementCode)
            && !await db.ProjectRequirements.AnyAsync(r => r.ProjectId == projectId && r.IsRequired && r.Code == requirementCode, cancellationToken))
        {
            modelState.AddModelError(nameof(ActivityForm.RequirementCode), $"That project does not require {requirementCode}. Select one of its requirements, or none");
        }
    }

    private async Task CheckRateAsync(ActivityForm form, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (form.ChosenRateItemId() is not { } rateItemId || !Enum.TryParse<ActivityType>(form.Type, out var type) || form.Date.ToDate() is not { } date)
        {
            return; // not paid, or the validator has already said what is missing
        }
        var item = await db.RateItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == rateItemId, cancellationToken);
        var problem = item is null ? "Select how people are paid for their time, or not paid for time"
            : item.ActivityType != type ? $"{item.Name} is a rate for {Words.Type(item.ActivityType).ToLowerInvariant()}. Select a rate for this type of activity, or not paid for time"
            : item.InForceOn(date) is null ? $"{item.Name} has no rate on {date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}. Select another rate, or ask the co-production lead to add one"
            : null;
        if (problem is not null)
        {
            modelState.AddModelError(nameof(ActivityForm.PayBy), problem);
        }
    }

    /// <summary>
    /// The activities a person can be invited to from the roster: open or closed, not yet happened.
    /// Soonest first, bounded, in one command.
    /// </summary>
    public async Task<InviteTarget?> InviteTargetAsync(int? activityId, CancellationToken cancellationToken)
    {
        if (activityId is null)
        {
            return null;
        }
        // Activity.CanInvite, in the database: open or closed, and not over.
        var found = await db.Activities.AsNoTracking()
            .Where(a => a.Id == activityId && (a.Status == ActivityStatus.Open || a.Status == ActivityStatus.Closed))
            .Where(ActivityQueries.NotYetEnded(Now))
            .Select(a => new { a.Id, a.Title, a.Date })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new InviteTarget(found.Id, found.Title, found.Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
    }

    private async Task<Dictionary<int, ExpertProfile>> PeopleAsync(IEnumerable<int> profileIds, CancellationToken cancellationToken)
    {
        var ids = profileIds.Distinct().ToList();
        return await db.ExpertProfiles.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    /// <summary>How often each person took part in the last 12 months, and when they last did: one command for everyone.</summary>
    private async Task<Dictionary<int, Involvement>> InvolvementAsync(IEnumerable<int> profileIds, CancellationToken cancellationToken)
    {
        var ids = profileIds.Distinct().ToList();
        var today = UkTime.Today(clock);
        var since = today.AddMonths(-InvolvementMonths);
        var rows = await db.SignUps.AsNoTracking()
            .Where(s => ids.Contains(s.ExpertProfileId) && s.Attendance == Attendance.Attended)
            .Join(db.Activities.Where(a => a.Date <= today), s => s.ActivityId, a => a.Id, (s, a) => new { s.ExpertProfileId, a.Date })
            .GroupBy(x => x.ExpertProfileId)
            .Select(g => new { Id = g.Key, Count = g.Count(x => x.Date > since), Last = g.Max(x => x.Date) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new Involvement(r.Count, r.Last));
    }

    private sealed record Involvement(int Count, DateOnly? LastTookPart);
}

public sealed record ActivityListRow(int Id, string Title, string Project, DateOnly Date, ActivityStatus Status, int Confirmed, int Places, int Waiting);

public sealed record ActivityListPage(IReadOnlyList<ActivityListRow> Rows, Paging Paging)
{
    public const int PageSize = 20;
}

/// <summary>One activity as its organiser sees it: every choice on it decided by <see cref="Activity"/>.</summary>
public sealed record ActivityPageModel(
    int Id,
    string Title,
    int ProjectId,
    string ProjectTitle,
    string Status,
    string When,
    string Where,
    string PlacesFilled,
    string Rung,
    string Pay,
    string Meets,
    string SignUpCloses,
    IReadOnlyList<StatusMove> Moves,
    bool CanChange,
    bool CanInvite,
    string? EvidenceFor,
    IReadOnlyList<BalanceRow> Balance,
    IReadOnlyList<string> ExperienceMissing,
    IReadOnlyList<RingOrTextRow> RingOrText,
    bool MoreToRingOrText,
    SignUpListPage SignUps,
    string? EasyReadSummary,
    IReadOnlyList<PlainEnglishWarning> EasyReadWarnings,
    IReadOnlyList<string> Keys);

public sealed record StatusMove(ActivityStatus To, string Label, bool IsWarning);

public sealed record BalanceRow(string Experience, int People);

/// <summary>A message someone could not be emailed: who to ring or text, and what to tell them.</summary>
public sealed record RingOrTextRow(long Id, string Name, string Phone, string WhatToTell, string WholeMessage);

/// <summary>
/// One sign-up as the organiser sees it, with how often the person took part in the last 12
/// months (and when they last did), so that places can be shared fairly.
/// </summary>
public sealed record SignUpRow(
    int Id,
    string Name,
    string Status,
    bool HasConsent,
    IReadOnlyList<string> AccessNeeds,
    string? AccessNeedsOther,
    string? LivedExperience,
    string? WhatWouldHelp,
    string? Fee,
    string? Attendance,
    int TookPartLast12Months,
    string? LastTookPart,
    bool CanConfirm,
    bool CanWaitList,
    bool CanOffer,
    bool CanDecline,
    bool CanRecordAttendance);

/// <summary>The decline and attendance pages: who, on which activity.</summary>
public sealed record SignUpPageModel(int ActivityId, string ActivityTitle, int SignUpId, string PersonName, string DefaultHours, string? WhyNoAttendance = null,
    int? ClaimId = null, bool MayClaimForThem = false);

public sealed record ActivityFormChoices(IReadOnlyList<SelectListItem> Projects, bool MoreProjects, IReadOnlyList<SelectListItem> Requirements,
    IReadOnlyList<SelectListItem> PayChoices);

/// <summary>The activity the roster is inviting people to.</summary>
public sealed record InviteTarget(int Id, string Title, string Date);
