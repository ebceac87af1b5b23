using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// When someone else changes an activity between the moment ActivityService loads it and the
/// moment it saves, the save is refused and the change is made again from a fresh copy: the
/// change, its audit entry and its email are each stored once.
/// </summary>
public sealed class ActivityConcurrencyTests
{
    /// <summary>Changes the activity's version under the service's feet, once, just before it saves.</summary>
    private sealed class ChangeUnderfoot : SaveChangesInterceptor
    {
        private int _armed;

        public int? ActivityId { get; set; }

        public int Collisions { get; private set; }

        public void Arm(int activityId) => (ActivityId, _armed) = (activityId, 1);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            var db = eventData.Context!;
            if (ActivityId is { } id && db.ChangeTracker.Entries<Activity>().Any(e => e.State == EntityState.Modified && e.Entity.Id == id)
                && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Collisions++;
                var version = Guid.NewGuid();
                await db.Database.ExecuteSqlAsync($"""UPDATE "Activities" SET "Version" = {version} WHERE "Id" = {id}""", cancellationToken);
            }
            return result;
        }
    }

    [Fact]
    public async Task ConcurrentChange_BetweenLoadAndSave_IsMadeAgainFromAFreshCopy_WithOneAuditEntryAndOneEmail()
    {
        var underfoot = new ChangeUnderfoot();
        using var app = new CoProduceAppFactory
        {
            TestServices = s => s.ConfigureDbContext<SqliteCoProduceDbContext>((_, options) => options.AddInterceptors(underfoot)),
        };
        int activityId, signUpId, profileId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var now = DateTime.UtcNow;
            var user = new CoProduceUser { UserName = "kai@example.org", Email = "kai@example.org", DisplayName = "Kai" };
            db.Users.Add(user);
            var profile = new ExpertProfile(user.Id, "Kai", "kai@example.org", now);
            profile.GiveConsent("2026-11", now);
            db.ExpertProfiles.Add(profile);
            var date = DateOnly.FromDateTime(now).AddDays(20);
            var activity = new Activity(await db.CommissioningProjects.Select(p => p.Id).FirstAsync(), "Raced", ActivityType.Workshop, "About it.",
                new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date), new ActivityPlace(ActivityMode.Online, null, null, "Link"),
                2, [], LadderRung.CoDesign, true, "organiser", now);
            activity.MoveTo(ActivityStatus.Open, now);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            var signUp = activity.RequestPlace(profile.Id, true, string.Empty, now);
            await db.SaveChangesAsync();
            (activityId, signUpId, profileId) = (activity.Id, signUp.Id, profile.Id);
        }

        underfoot.Arm(activityId);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var told = await scope.ServiceProvider.GetRequiredService<ActivityService>().ConfirmAsync(activityId, signUpId, "organiser", default);
            Assert.True(told.Emailed);
        }

        Assert.Equal(1, underfoot.Collisions);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var activity = await db.Activities.AsNoTracking().Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
            Assert.Equal((1, SignUpStatus.Confirmed), (activity.ConfirmedCount, activity.SignUps.Single().Status));
            var subject = signUpId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Single(await db.AuditEntries.Where(e => e.SubjectType == AuditSubjectType.SignUp && e.SubjectId == subject && e.Action == AuditActions.PlaceConfirmed).ToListAsync());
            Assert.Single(await db.OutboxMessages.Where(m => m.ExpertProfileId == profileId).ToListAsync());
        }
    }
}
