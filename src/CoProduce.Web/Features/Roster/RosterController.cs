using CoProduce.Web.Data;
using CoProduce.Web.Data.Configurations;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Roster;

/// <summary>
/// The council's roster of experts by experience, for organisers. Only people who have given
/// consent are on it. It shows what organisers need to invite people well (lived experience,
/// access needs, availability, how to contact them, when they last took part) and nothing else:
/// never benefits or bank details.
/// </summary>
[Authorize(Policy = Policies.ProjectsEdit)]
public sealed class RosterController(CoProduceDbContext db, Organising.ActivityPages activityPages, Audit.SpecialCategoryViewsService views,
    UserManager<CoProduceUser> users, TimeProvider clock) : Controller
{
    public const int PageSize = 20;
    public const int RecentDays = 90;

    [HttpGet("roster")]
    public async Task<IActionResult> Index(RosterQuery query, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var recentSince = today.AddDays(-RecentDays);
        // Everything is filtered, sorted and paged in the database: a roster may be thousands of people.
        var attended = db.SignUps
            .Where(s => s.Attendance == Attendance.Attended)
            .Join(db.Activities.Where(a => a.Date <= today), s => s.ActivityId, a => a.Id, (s, a) => new { s.ExpertProfileId, a.Date });
        var people = db.ExpertProfiles.AsNoTracking()
            .Where(p => p.AnonymisedUtc == null
                && p.ConsentHistory.Any(e => e.Change == ConsentChange.Given && !p.ConsentHistory.Any(later => later.Number > e.Number)));
        if (query.Area is { } area)
        {
            people = people.Where(ChoiceSet.Holds<ExpertProfile, LivedExperienceArea>(p => p.LivedExperience, area));
        }
        if (query.Need is { } need)
        {
            people = people.Where(ChoiceSet.Holds<ExpertProfile, AccessNeed>(p => p.AccessNeeds, need));
        }
        if (query.Day is { } day)
        {
            people = people.Where(ChoiceSet.Holds<ExpertProfile, DayOfWeek>(p => p.AvailableDays, day));
        }
        if (query.Mode is { } mode && mode != TakingPart.Either)
        {
            people = people.Where(p => p.Mode == mode || p.Mode == TakingPart.Either);
        }
        if (query.NotRecent)
        {
            people = people.Where(p => !attended.Any(x => x.ExpertProfileId == p.Id && x.Date >= recentSince));
        }

        var paging = Paging.Of(await people.CountAsync(cancellationToken), PageSize, query.Page);
        // Those who have taken part least recently first (never, first of all), so the same few are not always asked.
        var rows = await people
            .Select(p => new { Person = p, LastTookPart = attended.Where(x => x.ExpertProfileId == p.Id).Max(x => (DateOnly?)x.Date) })
            .OrderBy(x => x.LastTookPart).ThenBy(x => x.Person.PreferredName).ThenBy(x => x.Person.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(x => new RosterRow(x.Person.Id, x.Person.PreferredName, x.Person.LivedExperience, x.Person.LivedExperienceOther,
                x.Person.AccessNeeds, x.Person.Language, x.Person.AvailableDays, x.Person.TimesOfDay, x.Person.Mode, x.Person.TravelMiles,
                x.Person.PreferredContact, x.Person.ContactEmail, x.Person.ContactPhone, x.LastTookPart))
            .ToListAsync(cancellationToken);

        // Inviting people to an activity: say who on this page is already on it (one command for the page).
        var invite = await activityPages.InviteTargetAsync(query.InviteTo, cancellationToken);
        var onActivity = new Dictionary<int, string>();
        if (invite is not null)
        {
            var ids = rows.Select(r => r.Id).ToList();
            onActivity = (await db.SignUps.AsNoTracking()
                    .Where(s => s.ActivityId == invite.Id && ids.Contains(s.ExpertProfileId) && s.Status != SignUpStatus.Withdrawn && s.Status != SignUpStatus.Declined)
                    .Select(s => new { s.ExpertProfileId, s.Status })
                    .ToListAsync(cancellationToken))
                .ToDictionary(s => s.ExpertProfileId, s => Organising.Words.Status(s.Status));
        }
        // Each person's lived experience and access needs on this page, when they gave any, are recorded as seen.
        await views.RecordAsync(rows.Select(r => new Audit.SpecialCategoryView(r.Id, SpecialCategories.Of(
                accessNeeds: r.AccessNeeds.Count > 0, livedExperience: r.LivedExperience.Count > 0 || r.LivedExperienceOther is not null))),
            paging.PageCount > 1 ? $"shown on the roster, page {paging.Page}" : "shown on the roster", users.GetUserId(User)!, cancellationToken);
        return View(new RosterModel(query, rows, paging, invite, onActivity));
    }
}

/// <summary>The roster's filters, from the query string. Values that do not parse are ignored.</summary>
public sealed class RosterQuery
{
    public LivedExperienceArea? Area { get; set; }
    public AccessNeed? Need { get; set; }
    public DayOfWeek? Day { get; set; }
    public TakingPart? Mode { get; set; }

    /// <summary>Only people who have not taken part recently, so the same few are not always asked.</summary>
    public bool NotRecent { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>The activity the organiser is inviting people to, if any: each person then has an "Invite" button.</summary>
    public int? InviteTo { get; set; }
}

/// <summary>What an organiser sees of one person on the roster: never their benefits or bank details.</summary>
public sealed record RosterRow(
    int Id,
    string PreferredName,
    IReadOnlySet<LivedExperienceArea> LivedExperience,
    string? LivedExperienceOther,
    IReadOnlySet<AccessNeed> AccessNeeds,
    string? Language,
    IReadOnlySet<DayOfWeek> AvailableDays,
    IReadOnlySet<TimeOfDay> TimesOfDay,
    TakingPart Mode,
    int? TravelMiles,
    ContactMethod PreferredContact,
    string? ContactEmail,
    string? ContactPhone,
    DateOnly? LastTookPart);

/// <param name="Invite">The activity people are being invited to, if any.</param>
/// <param name="OnActivity">People on this page already on that activity, with where their sign-up stands.</param>
public sealed record RosterModel(RosterQuery Query, IReadOnlyList<RosterRow> Rows, Paging Paging, Organising.InviteTarget? Invite, IReadOnlyDictionary<int, string> OnActivity);
