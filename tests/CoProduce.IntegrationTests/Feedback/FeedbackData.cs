using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.Feedback;

/// <summary>A project with an activity that happened, the people at it, and notes of what was said.</summary>
public sealed record FeedbackProject(int ProjectId, string Title, int ActivityId, IReadOnlyList<long> ItemIds,
    IReadOnlyList<TestPerson> Attended, TestPerson DidNotAttend, TestPerson OnlySignedUp);

public sealed record TestPerson(int ProfileId, string Name, string Email);

/// <summary>Builds feedback test data straight into the database, as the note-taker's form would leave it.</summary>
public static class FeedbackData
{
    public static readonly string[] Notes =
    [
        "The forms to ask for a break are too hard to fill in.",
        "I had to tell my story four times.",
        "Breaks that can be booked at short notice.",
        "The Tuesday group is a lifeline.",
    ];

    /// <summary>
    /// A new project and a completed workshop. <paramref name="withJo"/> puts the demo expert among
    /// the people who attended (she asked for easy read). Returns the notes in <see cref="Notes"/> order.
    /// </summary>
    public static async Task<FeedbackProject> CreateAsync(WebApplicationFactory<Program> portal, string title, bool withJo = false)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var now = DateTime.UtcNow;
        var today = UkTime.Today(TimeProvider.System);
        var organiser = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner)).Select(u => u.Id).SingleAsync();
        var project = new CommissioningProject(title, "Adult social care", "A service planned with the people who use it.", organiser, Money.FromPence(5_000_000), false, now);
        project.Assess(await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync());
        db.CommissioningProjects.Add(project);

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var people = new List<ExpertProfile>();
        foreach (var name in new[] { "Amira", "Bartholomew", "Cressida", "Desmond" })
        {
            var email = $"{name.ToLowerInvariant()}.{suffix}@example.org";
            var user = new CoProduceUser { UserName = email, Email = email, DisplayName = $"{name} Quillfeather{suffix}" };
            db.Users.Add(user);
            var profile = new ExpertProfile(user.Id, $"{name} Quillfeather{suffix}", email, now);
            profile.GiveConsent("2026-11", now);
            db.ExpertProfiles.Add(profile);
            people.Add(profile);
        }
        await db.SaveChangesAsync();
        if (withJo)
        {
            people.Insert(0, await db.ExpertProfiles.SingleAsync(p => p.ContactEmail == DemoUsers.EmailFor(Roles.ExpertByExperience)));
        }

        var date = today.AddDays(30);
        var activity = new Activity(project.Id, $"Workshop for {title}", ActivityType.Workshop, "What is working and what is not.",
            new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
            new ActivityPlace(ActivityMode.InPerson, "Central Library", "Step-free", null), 10, [LivedExperienceArea.Carer], LadderRung.CoDesign,
            isPaid: false, organiser, now);
        db.Activities.Add(activity);
        activity.MoveTo(ActivityStatus.Open, now);
        var signUps = people.Select(p => activity.RequestPlace(p.Id, true, string.Empty, now)).ToList();
        await db.SaveChangesAsync();
        // Everyone but the last has a place; the last only signed up.
        foreach (var signUp in signUps.Take(signUps.Count - 1))
        {
            activity.Confirm(signUp.Id, true, null, now);
        }
        activity.MoveTo(ActivityStatus.Closed, now);
        var onTheDay = UkTime.ToUtc(activity.Date, activity.EndTime);
        activity.MoveTo(ActivityStatus.Completed, onTheDay);
        var attended = signUps.Take(signUps.Count - 2).ToList();
        foreach (var signUp in attended)
        {
            activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), new SessionNotes(null, null, null), organiser, onTheDay);
        }
        activity.RecordAttendance(signUps[^2].Id, Attendance.DidNotAttend, null, new SessionNotes(null, null, null), organiser, onTheDay);
        await db.SaveChangesAsync();

        var kinds = new[] { FeedbackKind.NotWorking, FeedbackKind.NotWorking, FeedbackKind.ImportantForFuture, FeedbackKind.Working };
        var keys = new[] { SevenKeys.Help, SevenKeys.Help | SevenKeys.Freedom, SevenKeys.Freedom, SevenKeys.Love | SevenKeys.Life };
        var items = Notes.Select((text, i) => new FeedbackItem(activity.Id, project.Id, kinds[i], text, keys[i], people[i % attended.Count].Id, false, organiser, now)).ToList();
        db.FeedbackItems.AddRange(items);
        await db.SaveChangesAsync();

        TestPerson Of(ExpertProfile p) => new(p.Id, p.PreferredName, p.ContactEmail!);
        return new FeedbackProject(project.Id, title, activity.Id, items.Select(i => i.Id).ToList(),
            people.Take(attended.Count).Select(Of).ToList(), Of(people[^2]), Of(people[^1]));
    }
}
