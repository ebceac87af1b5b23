using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Activities;

/// <summary>Sends each person with a place a reminder two days before, once.</summary>
public sealed class ReminderSender(CoProduceDbContext db, ActivityNotifier notifier, TimeProvider clock)
{
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken)
    {
        var inTwoDays = UkTime.Today(clock).AddDays(2);
        var due = await db.SignUps
            .Where(s => s.Status == SignUpStatus.Confirmed && s.ReminderSentUtc == null)
            .Join(db.Activities.Where(a => a.Date == inTwoDays && a.Status != ActivityStatus.Cancelled), s => s.ActivityId, a => a.Id, (s, a) => new { SignUp = s, Activity = a })
            .Join(db.ExpertProfiles, x => x.SignUp.ExpertProfileId, p => p.Id, (x, p) => new { x.SignUp, x.Activity, Person = p })
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            await notifier.ReminderAsync(item.Person, item.Activity, cancellationToken);
            item.SignUp.MarkReminderSent(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }
}

/// <summary>Runs the reminder sender every hour while the portal runs.</summary>
internal sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<ReminderSender>().SendDueRemindersAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} activity reminders", sent);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Sending activity reminders failed; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
