using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoProduce.IntegrationTests.Payments;

/// <summary>
/// The portal on a database of its own without the demo data, so that every claim, batch and
/// total in it is one a test made. Its log lines are kept, to check that no bank details reach them.
/// </summary>
public sealed class PaymentsPortal : CoProduceAppFactory
{
    public PaymentsPortal()
    {
        SeedDemoData = false;
        TestServices = services => services.AddSingleton<ILoggerProvider>(Log);
    }

    public CapturedLog Log { get; } = new();
}

/// <summary>One attended place at an activity: what a claim pays for.</summary>
public sealed record Place(int ActivityId, int SignUpId, int ProfileId, string PersonUserId);

/// <summary>A person on the staff, with a password to sign in with.</summary>
public sealed record Staff(string UserId, string Email, string Name);

/// <summary>
/// Arranges payments with the domain and the database directly, as they would have come about:
/// people with profiles, activities they attended (recorded by an organiser), claims made from
/// that attendance and sent, bank details encrypted as the portal keeps them.
/// </summary>
public sealed class PaymentsWorld(IServiceProvider services)
{
    public const string Password = "Payments-Test-Password-42";

    public static readonly DateTime Now = DateTime.UtcNow;

    private int _projectId;

    public async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    public async Task WithDbAsync(Func<CoProduceDbContext, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<Staff> StaffAsync(string name, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>();
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var user = new CoProduceUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = Now };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return new Staff(user.Id, email, name);
    }

    /// <summary>A finance officer who also takes part as an expert by experience, with a profile of their own.</summary>
    public async Task<(Staff Officer, int ProfileId)> FinanceOfficerWhoIsAlsoAnExpertAsync(string name)
    {
        var officer = await StaffAsync(name, Roles.FinanceOfficer);
        var profileId = await WithDbAsync(async db =>
        {
            var profile = new ExpertProfile(officer.UserId, name, officer.Email, Now);
            profile.GiveConsent("2026-11", Now);
            db.ExpertProfiles.Add(profile);
            await db.SaveChangesAsync();
            return profile.Id;
        });
        return (officer, profileId);
    }

    public static async Task<HttpClient> SignedInAsync(CoProduceAppFactory portal, Staff staff)
    {
        var client = portal.CreatePortalClient();
        var response = await client.SignInAsync(staff.Email, Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{staff.Email} could not sign in: {(int)response.StatusCode}");
        }
        return client;
    }

    /// <summary>
    /// An activity on <paramref name="date"/> (in the past) that each of <paramref name="people"/>
    /// attended, with attendance recorded by <paramref name="organiserId"/>. Extra people
    /// (<paramref name="alsoPeople"/>, existing profiles) attend too.
    /// </summary>
    public async Task<List<Place>> AttendedAsync(string organiserId, DateOnly date, int people, IReadOnlyList<(int ProfileId, string UserId)>? alsoPeople = null)
    {
        var projectId = await ProjectAsync(organiserId);
        return await WithDbAsync(async db =>
        {
            var attendees = new List<(int ProfileId, string UserId)>(alsoPeople ?? []);
            var profiles = new List<ExpertProfile>();
            for (var i = 0; i < people; i++)
            {
                var user = new CoProduceUser { UserName = $"person-{Guid.NewGuid():N}@example.org", Email = $"person-{Guid.NewGuid():N}@example.org", DisplayName = $"Person {i}", CreatedUtc = Now };
                db.Users.Add(user);
                var profile = new ExpertProfile(user.Id, $"Claimant {Guid.NewGuid().ToString("N")[..6]}", user.Email, Now);
                profile.GiveConsent("2026-11", Now);
                db.ExpertProfiles.Add(profile);
                profiles.Add(profile);
            }
            await db.SaveChangesAsync();
            attendees.AddRange(profiles.Select(p => (p.Id, p.UserId)));

            var before = UkTime.ToUtc(date.AddDays(-5), new TimeOnly(12, 0));
            var activity = new Activity(projectId, $"Workshop on {date:yyyy-MM-dd} {Guid.NewGuid().ToString("N")[..4]}", ActivityType.Workshop, "A workshop.",
                new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
                new ActivityPlace(ActivityMode.Online, null, null, null),
                Math.Max(1, attendees.Count), [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: true, organiserId, before.AddDays(-1));
            activity.MoveTo(ActivityStatus.Open, before);
            foreach (var (profileId, _) in attendees)
            {
                activity.RequestPlace(profileId, true, string.Empty, before);
            }
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            foreach (var signUp in activity.SignUps)
            {
                activity.Confirm(signUp.Id, true, null, before);
            }
            activity.MoveTo(ActivityStatus.Completed, Now);
            foreach (var signUp in activity.SignUps)
            {
                activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), new SessionNotes(null, null, null), organiserId, Now);
            }
            await db.SaveChangesAsync();
            var users = attendees.ToDictionary(a => a.ProfileId, a => a.UserId);
            return activity.SignUps.OrderBy(s => s.Id).Select(s => new Place(activity.Id, s.Id, s.ExpertProfileId, users[s.ExpertProfileId])).ToList();
        });
    }

    /// <summary>
    /// A claim for the place, made from its attendance by <paramref name="createdBy"/> (the organiser
    /// unless said), with the expenses given, sent to finance by the claimant (or <paramref name="sentBy"/>).
    /// </summary>
    public Task<int> SubmittedClaimAsync(Place place, string organiserId, decimal? fee, ClaimPaymentMethod method = ClaimPaymentMethod.BankTransfer,
        decimal[]? expenses = null, string? createdBy = null, string? sentBy = null, string? warningsSeen = null) =>
        WithDbAsync(async db =>
        {
            var claim = NewClaim(place, organiserId, fee, method, expenses, createdBy, sentBy);
            claim.Submit(sentBy ?? place.PersonUserId, Now, warningsSeen: warningsSeen);
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
            return claim.Id;
        });

    public static Claim NewClaim(Place place, string organiserId, decimal? fee, ClaimPaymentMethod method, decimal[]? expenses = null, string? createdBy = null, string? changedBy = null)
    {
        var claim = Claim.FromAttendance(new ClaimAttendance(place.ProfileId, place.ActivityId, place.SignUpId, organiserId),
            fee is { } f ? Money.FromPounds(f) : null, method, createdBy ?? organiserId, Now);
        foreach (var (amount, i) in (expenses ?? []).Select((a, i) => (a, i)))
        {
            claim.AddExpense(i % 2 == 0 ? ExpenseCategory.PublicTransport : ExpenseCategory.Meals, Money.FromPounds(amount),
                new Receipt($"receipt-{Guid.NewGuid():N}", $"receipt-{i + 1}.jpg"), changedBy ?? place.PersonUserId, Now);
        }
        return claim;
    }

    /// <summary>Approves the claim as the given finance officers, one after another, with the portal's approval rules.</summary>
    public Task ApproveAsync(int claimId, params string[] approverIds) => WithDbAsync(async db =>
    {
        var claim = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery().SingleAsync(c => c.Id == claimId);
        var rules = (await db.PaymentSettings.SingleAsync()).ApprovalRules;
        foreach (var approver in approverIds)
        {
            claim.Approve(new Approver(approver, null), rules, Now);
        }
        await db.SaveChangesAsync();
    });

    public Task GiveBankDetailsAsync(int profileId, string accountName, string sortCode, string accountNumber) => WithDbAsync(async db =>
    {
        var protector = services.GetRequiredService<BankDetailsProtector>();
        var details = await db.PaymentDetails.SingleOrDefaultAsync(d => d.ExpertProfileId == profileId);
        if (details is null)
        {
            details = new PaymentDetails(profileId, Now);
            db.PaymentDetails.Add(details);
        }
        details.SetProtectedBankDetails(protector.Protect(BankDetails.Create(accountName, sortCode, accountNumber)), Now);
        await db.SaveChangesAsync();
    });

    public Task<Claim> ClaimAsync(int claimId) => WithDbAsync(db =>
        db.Claims.AsNoTracking().Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery().SingleAsync(c => c.Id == claimId));

    private async Task<int> ProjectAsync(string ownerId)
    {
        if (_projectId != 0)
        {
            return _projectId;
        }
        _projectId = await WithDbAsync(async db =>
        {
            var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
            var project = new CommissioningProject($"Payments project {Guid.NewGuid():N}", "Adult social care", "Summary", ownerId, Money.FromPounds(50_000m), false, Now);
            project.Assess(rules);
            db.CommissioningProjects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
        return _projectId;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
