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
        // The day each person last took part is kept beside their profile (LastTookPart), so the sort
        // and the "not recently" filter use an index instead of reading every sign-up.
        var people = db.ExpertProfiles.AsNoTracking()
            .Where(p => p.AnonymisedUtc == null
                && p.ConsentHistory.OrderByDescending(e => e.Number).Select(e => (ConsentChange?)e.Change).FirstOrDefault() == ConsentChange.Given);
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
            people = people.Where(p => EF.Property<DateOnly?>(p, LastTookPart.Column) == null || EF.Property<DateOnly?>(p, LastTookPart.Column) < recentSince);
        }

        var paging = Paging.Of(await people.CountAsync(cancellationToken), PageSize, query.Page);
        // Those who have taken part least recently first (never, first of all), so the same few are not always asked.
        var rows = await people
            .OrderBy(p => EF.Property<DateOnly?>(p, LastTookPart.Column)).ThenBy(p => p.PreferredName).ThenBy(p => p.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(p => new RosterRow(p.Id, p.PreferredName, p.LivedExperience, p.LivedExperienceOther,
                p.AccessNeeds, p.Language, p.AvailableDays, p.TimesOfDay, p.Mode, p.TravelMiles,
                p.PreferredContact, p.ContactEmail, p.ContactPhone, EF.Property<DateOnly?>(p, LastTookPart.Column)))
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
