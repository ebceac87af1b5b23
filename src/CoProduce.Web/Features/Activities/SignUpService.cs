using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Activities;

/// <summary>
/// Changes to who has a place. Each change loads the activity with its sign-ups, lets the domain
/// decide, and saves; when someone else changed the activity at the same moment, it starts again
/// from the fresh copy, so the domain sees the real number of free places. That is what keeps
/// the last place from going to two people.
/// </summary>
public sealed class SignUpService(CoProduceDbContext db, TimeProvider clock)
{
    private const int Attempts = 5;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => UkTime.Today(clock);

    public Task<Activity?> LoadAsync(int activityId, CancellationToken cancellationToken) =>
        db.Activities.Include(a => a.SignUps).SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken);

    /// <summary>Applies a change to the activity and saves it, retrying on a concurrent change.</summary>
    public Task<Activity> ChangeAsync(int activityId, Action<Activity> change, CancellationToken cancellationToken) =>
        ChangeAsync(activityId, change, alongside: null, cancellationToken);

    /// <summary>
    /// Applies a change to the activity and, in the same save, whatever <paramref name="alongside"/>
    /// adds to the context from the changed activity; retries both from fresh copies on a concurrent change.
    /// </summary>
    public async Task<Activity> ChangeAsync(int activityId, Action<Activity> change, Func<Activity, Task>? alongside, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var activity = await LoadAsync(activityId, cancellationToken)
                ?? throw new ActivityRuleException("We could not find that activity.");
            change(activity);
            if (alongside is not null)
            {
                await alongside(activity);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return activity;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Someone else changed the activity (or signed up) at the same moment: start again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
