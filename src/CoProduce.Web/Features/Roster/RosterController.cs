using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
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
public sealed class RosterController(CoProduceDbContext db, TimeProvider clock) : Controller
{
    public const int PageSize = 20;
    public const int RecentDays = 90;

    [HttpGet("roster")]
    public async Task<IActionResult> Index(RosterQuery query, CancellationToken cancellationToken)
    {
        // Consent is checked in the database; the choices are filtered here, as the roster of one
        // council is hundreds of people, not millions.
        var people = await db.ExpertProfiles.AsNoTracking()
            .Where(p => p.AnonymisedUtc == null
                && p.ConsentHistory.Any(e => e.Change == ConsentChange.Given && !p.ConsentHistory.Any(later => later.Number > e.Number)))
            .ToListAsync(cancellationToken);
        var today = UkTime.Today(clock);
        var lastTookPart = await db.SignUps.AsNoTracking()
            .Where(s => s.Attendance == Attendance.Attended)
            .Join(db.Activities.Where(a => a.Date <= today), s => s.ActivityId, a => a.Id, (s, a) => new { s.ExpertProfileId, a.Date })
            .GroupBy(x => x.ExpertProfileId)
            .Select(g => new { ProfileId = g.Key, Last = g.Max(x => x.Date) })
            .ToDictionaryAsync(x => x.ProfileId, x => x.Last, cancellationToken);

        var recentSince = today.AddDays(-RecentDays);
        var matches = people
            .Where(p => p.IsOnRoster)
            .Where(p => query.Area is not { } area || p.LivedExperience.Contains(area))
            .Where(p => query.Need is not { } need || p.AccessNeeds.Contains(need))
            .Where(p => query.Day is not { } day || p.AvailableDays.Contains(day))
            .Where(p => query.Mode is not { } mode || p.Mode == mode || p.Mode == TakingPart.Either || mode == TakingPart.Either)
            .Where(p => !query.NotRecent || !lastTookPart.TryGetValue(p.Id, out var last) || last < recentSince)
            .OrderBy(p => lastTookPart.GetValueOrDefault(p.Id))
            .ThenBy(p => p.PreferredName, StringComparer.CurrentCulture)
            .ToList();

        var pageCount = Math.Max(1, (int)Math.Ceiling(matches.Count / (double)PageSize));
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = matches.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new RosterRow(p, lastTookPart.TryGetValue(p.Id, out var last) ? last : null))
            .ToList();
        return View(new RosterModel(query, rows, matches.Count, page, pageCount));
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
}

public sealed record RosterRow(ExpertProfile Person, DateOnly? LastTookPart);

public sealed record RosterModel(RosterQuery Query, IReadOnlyList<RosterRow> Rows, int Total, int Page, int PageCount);
