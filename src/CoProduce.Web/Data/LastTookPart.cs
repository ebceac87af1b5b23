using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Roster;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Data;

/// <summary>
/// The day each person last attended an activity, kept beside their profile (a column the domain
/// does not see) so that the roster can sort ten thousand people by it, and filter by it, through an
/// index instead of reading every sign-up. <see cref="CoProduceDbContext"/> brings it up to date
/// whenever attendance, a sign-up or an activity's date is saved; the migration that added it
/// filled it from the sign-ups.
/// </summary>
public static class LastTookPart
{
    /// <summary>The column's name on ExpertProfiles: read in a query as <c>EF.Property&lt;DateOnly?&gt;(p, LastTookPart.Column)</c>.</summary>
    public const string Column = "LastTookPartOn";

    /// <summary>What a save changes: the people whose sign-ups changed attendance, and the activities whose date moved.</summary>
    internal sealed record Changes(IReadOnlyList<int> People, IReadOnlyList<int> Activities)
    {
        public bool Any => People.Count > 0 || Activities.Count > 0;
    }

    /// <summary>Read before a save, while the change tracker still knows what changed.</summary>
    internal static Changes Pending(CoProduceDbContext db)
    {
        var people = db.ChangeTracker.Entries<SignUp>()
            .Where(e => e.State switch
            {
                EntityState.Added => e.Entity.Attendance == Attendance.Attended,
                EntityState.Modified => e.Property(s => s.Attendance).IsModified,
                EntityState.Deleted => true,
                _ => false,
            })
            .Select(e => e.Entity.ExpertProfileId).Distinct().ToList();
        var activities = db.ChangeTracker.Entries<Activity>()
            .Where(e => e.State == EntityState.Modified && e.Property(a => a.Date).IsModified)
            .Select(e => e.Entity.Id).Distinct().ToList();
        return new Changes(people, activities);
    }

    /// <summary>Works out the day again, in the database, for the people a save touched: one command.</summary>
    internal static Task RefreshAsync(CoProduceDbContext db, Changes changes, CancellationToken cancellationToken)
    {
        var people = changes.People;
        var activities = changes.Activities;
        return db.ExpertProfiles
            .Where(p => people.Contains(p.Id) || db.SignUps.Any(s => s.ExpertProfileId == p.Id && activities.Contains(s.ActivityId)))
            .ExecuteUpdateAsync(set => set.SetProperty(p => EF.Property<DateOnly?>(p, Column),
                p => db.SignUps.Where(s => s.ExpertProfileId == p.Id && s.Attendance == Attendance.Attended)
                    .Join(db.Activities, s => s.ActivityId, a => a.Id, (s, a) => (DateOnly?)a.Date)
                    .Max()), cancellationToken);
    }

    /// <summary>The same for every profile, written once for both providers: used by the migration that added the column.</summary>
    public const string FillAllSql =
        "UPDATE ExpertProfiles SET LastTookPartOn = (SELECT MAX(a.Date) FROM SignUps s INNER JOIN Activities a ON a.Id = s.ActivityId " +
        "WHERE s.ExpertProfileId = ExpertProfiles.Id AND s.Attendance = 'Attended')";
}
