using System.Linq.Expressions;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Features.Activities;

/// <summary>
/// Rules of <see cref="Activity"/> that lists must apply in the database, so that they can filter,
/// sort and page there. Each says which method of Activity it stands for, and a unit test checks
/// that both give the same answer.
/// </summary>
public static class ActivityQueries
{
    /// <summary>
    /// Its end time (UK wall clock) has not passed: the database's form of the time part of
    /// <see cref="Activity.IsOver"/>. The clock is read once, so the day and the time are of one moment.
    /// </summary>
    public static Expression<Func<Activity, bool>> NotYetEnded(DateTime nowUtc)
    {
        var ukNow = UkTime.ToUk(nowUtc);
        var (today, timeNow) = (DateOnly.FromDateTime(ukNow), TimeOnly.FromDateTime(ukNow));
        return a => a.Date > today || (a.Date == today && a.EndTime > timeNow);
    }
}
