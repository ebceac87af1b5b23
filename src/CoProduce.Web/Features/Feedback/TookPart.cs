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
    /// <remarks>Starts from the project's activities, so the database reads their sign-ups only, not every attended sign-up.</remarks>
    public static IQueryable<SignUp> In(CoProduceDbContext db, int projectId) =>
        db.Activities.Where(a => a.ProjectId == projectId).Join(SignUps(db), a => a.Id, s => s.ActivityId, (_, s) => s);

    /// <summary>The projects a signed-in person took part in.</summary>
    /// <remarks>Starts from the person's profile, so the database reads their sign-ups only.</remarks>
    public static IQueryable<int> ProjectsOf(CoProduceDbContext db, string userId) =>
        db.ExpertProfiles.Where(p => p.UserId == userId)
            .Join(SignUps(db), p => p.Id, s => s.ExpertProfileId, (_, s) => s)
            .Join(db.Activities, s => s.ActivityId, a => a.Id, (_, a) => a.ProjectId);
}
