using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;

namespace CoProduce.Web.Features.Feedback;

/// <summary>
/// Who "took part" in a project's feedback, in one place: someone who attended (attendance
/// recorded as Attended) an activity of the project that has notes. They are told when "you said,
/// we did" is published and may always read it. The queries run in the database.
/// </summary>
public static class TookPart
{
    /// <summary>Attended sign-ups to activities that have notes.</summary>
    public static IQueryable<SignUp> SignUps(CoProduceDbContext db) =>
        db.SignUps.Where(s => s.Attendance == Attendance.Attended && db.FeedbackItems.Any(i => i.ActivityId == s.ActivityId));

    /// <summary>The sign-ups of the people who took part in one project.</summary>
    public static IQueryable<SignUp> In(CoProduceDbContext db, int projectId) =>
        SignUps(db).Where(s => db.Activities.Any(a => a.Id == s.ActivityId && a.ProjectId == projectId));

    /// <summary>The projects a signed-in person took part in.</summary>
    public static IQueryable<int> ProjectsOf(CoProduceDbContext db, string userId) =>
        SignUps(db).Where(s => db.ExpertProfiles.Any(p => p.Id == s.ExpertProfileId && p.UserId == userId))
            .Join(db.Activities, s => s.ActivityId, a => a.Id, (_, a) => a.ProjectId);
}
