using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Data.Seeding;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.Scale;

/// <summary>
/// The data generator's fast writer: the same activity, sign-up, claim (with its expenses and
/// decisions) and audit entry, written once by EF Core's SaveChanges and once by the writer, read
/// back through EF Core the same, column for column.
/// </summary>
public sealed class SqliteRowWriterTests : IDisposable
{
    private readonly CoProduceAppFactory _app = new();

    [Fact]
    public async Task Write_RowsReadBackThroughEfAsSaveChangesWritesThem()
    {
        var bySaveChanges = await MakeAsync(fast: false);
        var byWriter = await MakeAsync(fast: true);

        Assert.NotEqual(bySaveChanges, byWriter);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var activities = await db.Activities.AsNoTracking().Include(a => a.SignUps)
            .Where(a => a.Id == bySaveChanges.ActivityId || a.Id == byWriter.ActivityId).OrderBy(a => a.Id).ToListAsync();
        var claims = await db.Claims.AsNoTracking().Where(c => c.Id == bySaveChanges.ClaimId || c.Id == byWriter.ClaimId).OrderBy(c => c.Id).ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Id == bySaveChanges.AuditId || a.Id == byWriter.AuditId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, activities.Count);
        Assert.Equal(2, claims.Count);
        Assert.Equal(2, audit.Count);

        AssertSame(db, activities[0], activities[1]);
        AssertSame(db, activities[0].SignUps.Single(), activities[1].SignUps.Single());
        Assert.Equal(SignUpStatus.Confirmed, activities[1].SignUps.Single().Status);
        AssertSame(db, claims[0], claims[1]);
        Assert.Equal(activities[1].SignUps.Single().Id, claims[1].SignUpId);
        Assert.Equal(2, claims[1].Expenses.Count);
        Assert.Equal(claims[0].Expenses.Count, claims[1].Expenses.Count);
        foreach (var (saved, written) in claims[0].Expenses.Zip(claims[1].Expenses))
        {
            AssertSame(db, saved, written);
        }
        Assert.Equal(claims[0].Decisions.Count, claims[1].Decisions.Count);
        foreach (var (saved, written) in claims[0].Decisions.Zip(claims[1].Decisions))
        {
            AssertSame(db, saved, written);
        }
        Assert.Equal(ClaimStatus.Submitted, claims[1].Status);
        Assert.Equal(Money.FromPounds(25m) + Money.FromPence(450) + Money.FromPounds(6.50m), claims[1].Total);
        AssertSame(db, audit[0], audit[1], nameof(AuditEntry.SubjectId), nameof(AuditEntry.Summary));
        Assert.Equal(claims[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit[1].SubjectId);
        Assert.Equal($"Claim {claims[1].Id} made.", audit[1].Summary);
    }

    [Fact]
    public async Task Write_OutsideATransaction_IsRefusedAndWritesNothing()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var before = await db.AuditEntries.CountAsync();
        await using var writer = new SqliteRowWriter(db);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Claim(1), null, AuditActions.ClaimCreated, "Claim 1 made.", "someone", DateTime.UtcNow));

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(CancellationToken.None));

        db.ChangeTracker.Clear();
        Assert.Equal(before, await db.AuditEntries.CountAsync());
    }

    /// <summary>An activity with one confirmed place, and a submitted claim with two expenses, written one way or the other.</summary>
    private async Task<(int ActivityId, int ClaimId, long AuditId)> MakeAsync(bool fast)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var projectId = await db.CommissioningProjects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var organiser = await db.Users.Where(u => u.Email == "lead@example.org").Select(u => u.Id).SingleAsync();
        var person = (await db.ExpertProfiles.AsNoTracking().OrderBy(p => p.Id).ToListAsync()).First(p => p.HasConsent).Id;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using var writer = new SqliteRowWriter(db);

        var now = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);
        var date = new DateOnly(2027, 1, 15);
        var start = new TimeOnly(10, 0);
        var activity = new Activity(projectId, "Workshop: getting there and back", ActivityType.Workshop, "A workshop about transport.",
            new ActivitySchedule(date, start, start.AddMinutes(120), date.AddDays(-3)),
            new ActivityPlace(ActivityMode.InPerson, "Northgate Community Centre, Hall 1", "Step-free entrance.", null), 12,
            [LivedExperienceArea.Carer, LivedExperienceArea.PhysicalDisability], LadderRung.CoProduction, isPaid: false, organiser, now);
        activity.MoveTo(ActivityStatus.Open, now);
        var signUp = activity.RequestPlace(person, true, "A quiet room to take a break", now);
        db.Activities.Add(activity);
        if (fast)
        {
            await writer.AssignKeysAsync(CancellationToken.None);
            Assert.True(signUp.Id > 0 && activity.Id > 0, "The writer gives ids before anything is written.");
        }
        else
        {
            await db.SaveChangesAsync();
        }
        activity.Confirm(signUp.Id, true, null, now.AddDays(1));

        var claim = Claim.FromAttendance(new ClaimAttendance(person, activity.Id, signUp.Id, organiser), Money.FromPounds(25m),
            ClaimPaymentMethod.BankTransfer, organiser, now.AddDays(2));
        claim.AddExpense(ExpenseCategory.Mileage, Money.FromPence(450), null, organiser, now.AddDays(2), "Drove there and back", 10);
        claim.AddExpense(ExpenseCategory.Meals, Money.FromPounds(6.50m), null, organiser, now.AddDays(2), "Lunch on the day");
        claim.Submit(organiser, now.AddDays(3));
        db.Claims.Add(claim);
        if (fast)
        {
            await writer.AssignKeysAsync(CancellationToken.None);
        }
        else
        {
            await db.SaveChangesAsync();
        }
        var entry = new AuditEntry(AuditSubject.Claim(claim.Id), null, AuditActions.ClaimCreated, $"Claim {claim.Id} made.", organiser, now.AddDays(2));
        db.AuditEntries.Add(entry);
        if (fast)
        {
            await writer.WriteAsync(CancellationToken.None);
        }
        else
        {
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
        return (activity.Id, claim.Id, entry.Id);
    }

    /// <summary>Every mapped property but keys, foreign keys and the version token, compared as EF compares them.</summary>
    private static void AssertSame<T>(CoProduceDbContext db, T expected, T actual, params string[] except)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var compared = 0;
        foreach (var property in type.GetProperties().Where(p => !p.IsShadowProperty() && !p.IsKey() && !p.IsForeignKey() && !p.IsConcurrencyToken && !except.Contains(p.Name)))
        {
            var getter = property.GetGetter();
            var (a, b) = (getter.GetClrValue(expected), getter.GetClrValue(actual));
            Assert.True(property.GetValueComparer().Equals(a, b), $"{typeof(T).Name}.{property.Name}: {a} by SaveChanges, {b} by the writer");
            compared++;
        }
        Assert.True(compared >= 3, $"Only {compared} properties of {typeof(T).Name} compared");
    }

    public void Dispose() => _app.Dispose();
}
