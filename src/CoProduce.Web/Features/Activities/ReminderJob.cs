using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Activities;

/// <summary>
/// Reminds each person with a place two days before, once for each date the activity is on: if
/// the date changes after a reminder, they are reminded again for the new date. It runs hourly,
/// once across instances (<see cref="ReminderJob"/>). As well, in case two runs ever overlap, each
/// reminder is claimed in the same save that puts it in the outbox, by a conditional update of the sign-up (its <see cref="SignUp.ReminderForDate"/>
/// is a concurrency token), so only the first instance's save counts and the others' are refused whole.
/// </summary>
public sealed class ReminderSender(CoProduceDbContext db, ActivityNotifier notifier, TimeProvider clock)
{
    /// <summary>Puts every due reminder in the outbox. Returns how many this run claimed.</summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken)
    {
        var inTwoDays = UkTime.Today(clock).AddDays(2);
        var due = await db.SignUps.AsNoTracking()
            .Where(s => s.Status == SignUpStatus.Confirmed && (s.ReminderForDate == null || s.ReminderForDate != inTwoDays))
            .Join(db.Activities.Where(a => a.Date == inTwoDays && a.Status != ActivityStatus.Cancelled), s => s.ActivityId, a => a.Id, (s, a) => s.Id)
            .ToListAsync(cancellationToken);
        var claimed = 0;
        foreach (var signUpId in due)
        {
            if (await RemindAsync(signUpId, inTwoDays, cancellationToken))
            {
                claimed++;
            }
        }
        return claimed;
    }

    /// <summary>One reminder: the activity's mark on the sign-up and the email, saved together or not at all.</summary>
    private async Task<bool> RemindAsync(int signUpId, DateOnly activityDate, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var activityId = await db.SignUps.Where(s => s.Id == signUpId).Select(s => s.ActivityId).SingleAsync(cancellationToken);
        var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId, cancellationToken);
        var signUp = activity.SignUps.Single(s => s.Id == signUpId);
        if (activity.Date != activityDate || !signUp.NeedsReminderFor(activityDate))
        {
            return false;
        }
        var person = await db.ExpertProfiles.AsNoTracking().SingleAsync(p => p.Id == signUp.ExpertProfileId, cancellationToken);
        activity.MarkReminderSent(signUpId, clock.GetUtcNow().UtcDateTime);
        notifier.EnqueueReminder(person, activity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance claimed this reminder first (or the activity changed): theirs stands,
            // and a reminder still due is found again on the next run.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>
/// Puts due reminders in the outbox every hour, once across every instance (the scheduler's
/// lease). Each reminder is still claimed in its own save: a run that outlives its lease, and so
/// overlaps another instance's, still reminds each person once.
/// </summary>
internal sealed class ReminderJob : Infrastructure.Background.IScheduledJob
{
    public string Name => "reminders";

    public TimeSpan LeaseFor => TimeSpan.FromMinutes(10);

    public DateTime NextRunAfter(DateTime nowUtc) => nowUtc.AddHours(1);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var claimed = await services.GetRequiredService<ReminderSender>().SendDueRemindersAsync(cancellationToken);
        return claimed == 1 ? "1 reminder put in the outbox" : $"{claimed} reminders put in the outbox";
    }
}
