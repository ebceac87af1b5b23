using CoProduce.Web.Data;
using CoProduce.Web.Data.Configurations;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Participation;

/// <summary>
/// The pages an expert by experience reads about activities, as flat read models. Everything is
/// read for the signed-in person's own profile, found from their account, and only their own
/// sign-up is ever read. What they can do is decided by <see cref="Activity"/>.
/// </summary>
public sealed class ParticipationPages(CoProduceDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The activities taking sign-ups, filtered, sorted and paged by the database: three commands
    /// (the person's profile, the count, the page) however many activities there are.
    /// </summary>
    public async Task<ActivityListModel> ListAsync(string userId, ActivityFilterForm filter, bool filterIsValid, int page, CancellationToken cancellationToken)
    {
        var me = await MyProfileAsync(userId, cancellationToken);
        var now = Now;
        var today = DateOnly.FromDateTime(UkTime.ToUk(now));
        // The same as Activity.AcceptsSignUps (open, sign-up not closed, not over), in the database,
        // which filters, sorts and pages.
        var query = db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Open && a.SignUpClosesOn >= today)
            .Where(ActivityQueries.NotYetEnded(now));
        if (filter.ModeChosen is { } mode)
        {
            // An activity people can join either way suits both.
            query = query.Where(a => a.Mode == mode || a.Mode == ActivityMode.Hybrid);
        }
        if (filterIsValid && filter.From.ToDate() is { } from)
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
        return new ActivityListModel(rows, paging, myExperience.Count > 0, me?.HasConsent == true);
    }

    /// <summary>
    /// One activity with the person's own sign-up on it, or null when they may not see it: drafts
    /// and cancelled activities are shown only to someone who signed up for them (or was invited).
    /// </summary>
    public async Task<ActivityPageModel?> ShowAsync(int id, string userId, CancellationToken cancellationToken)
    {
        var me = await MyProfileAsync(userId, cancellationToken);
        var myId = me?.Id;
        var activity = await db.Activities.AsNoTracking()
            .Include(a => a.SignUps.Where(s => s.ExpertProfileId == myId))
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var mine = activity?.SignUps.SingleOrDefault();
        if (activity is null || (activity.Status is ActivityStatus.Draft or ActivityStatus.Cancelled && mine is null))
        {
            return null;
        }

        var now = Now;
        var acceptsSignUps = activity.AcceptsSignUps(now);
        // Someone with a place sees the fee fixed for them; anyone else the rate on the activity's date.
        var pay = mine is { Status: SignUpStatus.Confirmed, FixedFee: { } fixedFee }
            ? PayText.ForPerson(fixedFee)
            : PayText.ForPerson(await RateOnItsDayAsync(activity, cancellationToken), activity.IsPaid);
        return new ActivityPageModel(
            activity.Id,
            activity.Title,
            ParticipationText.Type(activity.Type),
            activity.Description,
            ParticipationText.When(activity),
            ParticipationText.Date(activity.SignUpClosesOn),
            ParticipationText.Mode(activity.Mode),
            activity.Mode == ActivityMode.Online ? null : activity.Venue,
            activity.AccessInformation,
            mine?.Status == SignUpStatus.Confirmed ? activity.JoiningInstructions : null,
            pay,
            PaysForTime: activity.IsPaid || mine?.FixedFee is not null,
            Math.Max(0, activity.FreePlaces),
            activity.LivedExperienceSought.Order().Select(ParticipationText.Experience).ToList(),
            activity.Status == ActivityStatus.Cancelled,
            me?.HasConsent == true,
            ParticipationText.SignUpHint(me),
            mine is null
                ? null
                : new MySignUp(mine.Status, mine.IsLive, ParticipationText.StatusLabel(mine.Status, mine.Attendance),
                    ParticipationText.StatusNext(mine.Status, mine.Attendance), mine.DeclineMessage),
            acceptsSignUps,
            // Someone with a sign-up still in play cannot ask again (Activity.RequestPlace refuses it).
            CanSignUp: acceptsSignUps && mine is not { IsLive: true },
            // An invitation is answered on the involvement page, with its own yes and no.
            CanWithdraw: mine is not null && mine.Status != SignUpStatus.Invited && activity.CanWithdraw(mine, now),
            CanAcceptOffer: mine is not null && activity.CanAcceptOffer(mine, now),
            CanAnswerInvitation: mine is not null && activity.CanAnswerInvitation(mine, now),
            Keys: Domain.Feedback.SevenKeysInfo.Split(activity.Keys).Select(k => k.ToString()).ToList());
    }


    /// <summary>The activity's rate in force on its date, or null when it is not paid for time (or has no rate then).</summary>
    private async Task<RateInForce?> RateOnItsDayAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.RateItemId is not { } rateItemId
            || await db.RateItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == rateItemId, cancellationToken) is not { } item)
        {
            return null;
        }
        return item.InForceOn(activity.Date) is { } version ? new RateInForce(item, version) : null;
    }

    /// <summary>The signed-in person's own profile: the only profile these pages ever read for.</summary>
    private Task<ExpertProfile?> MyProfileAsync(string userId, CancellationToken cancellationToken) =>
        db.ExpertProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
}
