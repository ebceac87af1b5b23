using CoProduce.IntegrationTests.Feedback;
using CoProduce.IntegrationTests.Payments;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Claims;
using CoProduce.Web.Features.Organising;
using CoProduce.Web.Infrastructure.Pdf;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoProduce.IntegrationTests;

/// <summary>
/// The app with a printer that makes a stand-in PDF at once: a PDF's SQL commands are its page's,
/// and the counts do not need a browser.
/// </summary>
public sealed class PortalWithoutBrowser : PortalFixture
{
    public PortalWithoutBrowser() => TestServices = services => services.AddSingleton<IPdfPrinter, StandInPrinter>();

    private sealed class StandInPrinter : IPdfPrinter
    {
        public bool IsAvailable => true;

        public Task<byte[]> PrintAsync(string html, string footerTemplate, CancellationToken cancellationToken) => Task.FromResult("%PDF-1.7\n%%EOF"u8.ToArray());
    }
}

/// <summary>
/// The pages the other count tests do not load, in groups by who uses them: each group's pages
/// are loaded, the data they could show is grown ten times (for the signed-in person where the
/// page is theirs), and each page must send the same number of SQL commands as before. See
/// <see cref="QueryCountCoverage"/> for which test covers each page.
/// </summary>
public sealed class PageQueryCountTests(PortalWithoutBrowser portal, ITestOutputHelper output) : IClassFixture<PortalWithoutBrowser>
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private async Task WithDbAsync(Func<CoProduceDbContext, Task> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    /// <summary>
    /// Loads every page once (to warm caches), counts each page's commands, grows the data, and
    /// counts again. Fails naming every page whose count changed, with the SQL it sent.
    /// </summary>
    private async Task AssertCountsStayTheSameAsync(string role, IReadOnlyList<string> urls, Func<Task> grow)
    {
        var client = await portal.ClientForAsync(role);
        var before = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            await client.CountCommandsAsync(url);
            before[url] = await client.CountCommandsAsync(url);
        }

        await grow();

        var changed = new List<string>();
        foreach (var url in urls)
        {
            var after = await client.RecordCommandsAsync(url);
            output.WriteLine($"{url}: {before[url]} commands, then {after.Count} with ten times the data");
            if (after.Count != before[url])
            {
                changed.Add($"{url} sent {before[url]} SQL commands, then {after.Count} with ten times the data:\n\n{string.Join("\n\n", after)}");
            }
        }
        Assert.True(changed.Count == 0, string.Join("\n\n----\n\n", changed));
    }

    private Task<string> UserIdAsync(string email) => WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<int> JoAsync() =>
        WithDbAsync(db => db.ExpertProfiles.Where(p => p.ContactEmail == DemoUsers.EmailFor(Roles.ExpertByExperience)).Select(p => p.Id).SingleAsync());

    private Task<int> AnyProjectIdAsync() => WithDbAsync(db => db.CommissioningProjects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    /// <summary>People on the roster with consent, lived experience, access needs and days they are free.</summary>
    private Task<List<int>> PeopleAsync(int count) => WithDbAsync(async db =>
    {
        var profiles = new List<ExpertProfile>();
        for (var i = 0; i < count; i++)
        {
            var user = new CoProduceUser { UserName = $"person-{Guid.NewGuid():N}@example.org", Email = $"person-{Guid.NewGuid():N}@example.org", DisplayName = "Person" };
            db.Users.Add(user);
            var profile = new ExpertProfile(user.Id, $"Person {i:D3}", user.Email, Now);
            profile.GiveConsent("2026-11", Now);
            profile.SetLivedExperience([LivedExperienceArea.Carer, (LivedExperienceArea)(i % 12)], null, Now);
            profile.SetAccessNeeds([(AccessNeed)(i % 9)], null, null, Now);
            profile.SetAvailability([(DayOfWeek)(i % 7)], [TimeOfDay.Morning], TakingPart.Either, null, Now);
            db.ExpertProfiles.Add(profile);
            profiles.Add(profile);
        }
        await db.SaveChangesAsync();
        return profiles.Select(p => p.Id).ToList();
    });

    /// <summary>Open activities taking sign-ups, each with the people asking for a place (the first given one).</summary>
    private async Task<List<int>> OpenActivitiesAsync(int count, List<int> people, string title = "Open activity")
    {
        var projectId = await AnyProjectIdAsync();
        return await WithDbAsync(async db =>
        {
            var activities = new List<Activity>();
            for (var i = 0; i < count; i++)
            {
                var date = Today.AddDays(20 + i);
                var activity = new Activity(projectId, $"{title} {i:D3}", ActivityType.Workshop, "A workshop.",
                    new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
                    new ActivityPlace(i % 2 == 0 ? ActivityMode.InPerson : ActivityMode.Online, "Library", "Step-free", "Ask at the desk"),
                    people.Count + 1, [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: true, "system", Now);
                activity.MoveTo(ActivityStatus.Open, Now);
                foreach (var person in people)
                {
                    activity.RequestPlace(person, true, "A quiet space", Now);
                }
                activities.Add(activity);
            }
            db.Activities.AddRange(activities);
            await db.SaveChangesAsync();
            foreach (var activity in activities.Where(a => a.SignUps.Count > 0))
            {
                activity.Confirm(activity.SignUps[0].Id, true, null, Now);
            }
            await db.SaveChangesAsync();
            return activities.Select(a => a.Id).ToList();
        });
    }

    /// <summary>More people asking for a place at the activity.</summary>
    private Task SignUpAsync(int activityId, IEnumerable<int> people) => WithDbAsync(async db =>
    {
        var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
        foreach (var person in people)
        {
            activity.RequestPlace(person, true, "Large print, please", Now);
        }
        await db.SaveChangesAsync();
    });

    /// <summary>Claims sent to finance for places at past activities the people attended (new people unless given), with expenses.</summary>
    private async Task<List<int>> ClaimsAsync(int count, (int ProfileId, string UserId)? person = null)
    {
        var world = new PaymentsWorld(portal.Services);
        var organiser = await UserIdAsync(DemoUsers.EmailFor(Roles.Commissioner));
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var places = await world.AttendedAsync(organiser, Today.AddDays(-30 - i), person is null ? 1 : 0, person is { } p ? [p] : null);
            ids.Add(await world.SubmittedClaimAsync(places[0], organiser, 20m + i, expenses: [3.20m, 1.05m]));
        }
        return ids;
    }

    /// <summary>Notes of what was said at the activity, by the person given.</summary>
    private Task NotesAsync(int activityId, int speaker, int count) => WithDbAsync(async db =>
    {
        var projectId = await db.Activities.Where(a => a.Id == activityId).Select(a => a.ProjectId).SingleAsync();
        db.FeedbackItems.AddRange(Enumerable.Range(0, count).Select(i => new FeedbackItem(activityId, projectId, (FeedbackKind)(1 + (i % 3)),
            $"Note {i:D3}", SevenKeys.Home, speaker, mayNameThem: i % 2 == 0, "organiser", Now)));
        await db.SaveChangesAsync();
    });

    /// <summary>Themes on the project, answered and published, each with a note in it.</summary>
    private Task ThemesAsync(FeedbackProject data, int count) => WithDbAsync(async db =>
    {
        var themes = Enumerable.Range(0, count).Select(i => new FeedbackTheme(data.ProjectId, $"Theme {Guid.NewGuid():N}", "organiser", Now)).ToList();
        db.FeedbackThemes.AddRange(themes);
        await db.SaveChangesAsync();
        foreach (var theme in themes)
        {
            theme.Respond(ResponseKind.WeWillDo, "We will change it.", Today.AddDays(30), Today, Now);
            theme.Publish(Now);
            var item = new FeedbackItem(data.ActivityId, data.ProjectId, FeedbackKind.NotWorking, "It is hard.", SevenKeys.Help, data.Attended[0].ProfileId, false, "organiser", Now);
            item.PutInTheme(theme.Id, Now);
            db.FeedbackItems.Add(item);
        }
        db.YouSaidWeDidPublications.Add(new YouSaidWeDidPublication(data.ProjectId, count, true, Today.AddDays(60), "organiser", Now));
        await db.SaveChangesAsync();
    });

    /// <summary>Projects with evidence, an exception waiting for a decision and a history.</summary>
    private Task<List<int>> ProjectsAsync(int count) => WithDbAsync(async db =>
    {
        var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
        var owner = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner)).Select(u => u.Id).SingleAsync();
        var projects = new List<CommissioningProject>();
        for (var i = 0; i < count; i++)
        {
            var project = new CommissioningProject($"Project {Guid.NewGuid():N}", "Adult social care", "Summary", owner,
                Money.FromPounds(10_000m * (i + 1)), i % 5 == 0, Now);
            project.Assess(rules);
            project.Requirement("R1")!.AddEvidence("Findings reviewed", Today, 3, string.Empty, owner, Now);
            project.RequestException("R2", "Done last year", owner, Now);
            projects.Add(project);
        }
        db.CommissioningProjects.AddRange(projects);
        await db.SaveChangesAsync();
        db.AuditEntries.AddRange(projects.Select(p => new AuditEntry(AuditSubject.Project(p.Id), p.Id, AuditActions.ProjectCreated, "Project created.", owner, Now)));
        await db.SaveChangesAsync();
        return projects.Select(p => p.Id).ToList();
    });

    /// <summary>Evidence on each of the project's requirements, recorded from new past activities of the project.</summary>
    private Task ProjectEvidenceAsync(int projectId, int count) => WithDbAsync(async db =>
    {
        var owner = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner)).Select(u => u.Id).SingleAsync();
        var activities = Enumerable.Range(0, count).Select(i => new Activity(projectId, $"Evidence activity {i:D3}", ActivityType.Workshop, "A workshop.",
            new ActivitySchedule(Today.AddDays(-10), new TimeOnly(10, 0), new TimeOnly(12, 0), Today.AddDays(-13)),
            new ActivityPlace(ActivityMode.Online, null, null, null), 5, [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: true, owner, Now)).ToList();
        db.Activities.AddRange(activities);
        await db.SaveChangesAsync();
        var project = await db.CommissioningProjects
            .Include(p => p.Requirements).ThenInclude(r => r.Evidence).ThenInclude(e => e.Attachments)
            .Include(p => p.Requirements).ThenInclude(r => r.Exceptions)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == projectId);
        foreach (var (activity, i) in activities.Select((a, i) => (a, i)))
        {
            foreach (var requirement in project.Requirements)
            {
                requirement.AddEvidence($"Evidence {i}", Today, 2, "Notes", owner, Now, activity.Id);
            }
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(projectId), projectId, AuditActions.EvidenceAdded, $"Evidence added {i}.", owner, Now));
        }
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes()
    {
        var jo = await JoAsync();
        var joUser = await UserIdAsync(DemoUsers.EmailFor(Roles.ExpertByExperience));
        var attended = await FeedbackData.CreateAsync(portal, "Query count: what Jo said", withJo: true);
        await ThemesAsync(attended, 1);
        var others = await PeopleAsync(2);
        var open = (await OpenActivitiesAsync(1, [jo, .. others], "Jo's next workshop")).Single();
        await ClaimsAsync(1, (jo, joUser));
        await new PaymentsWorld(portal.Services).GiveBankDetailsAsync(jo, "Jo Bloggs", "112233", "12345678");
        string[] urls =
        [
            "/profile", "/profile/consent", "/profile/consent/withdraw", "/profile/contact", "/profile/lived-experience",
            "/profile/access-needs", "/profile/availability", "/profile/your-data", "/profile/your-data.json", "/profile/delete",
            "/profile/payment", "/profile/payment/bank-details", "/profile/payment/bank-details/remove", "/profile/payment/benefits",
            $"/activities/{open}", $"/my-involvement/activities/{open}/invitation.pdf", "/my-involvement/bookings.pdf", "/my-payments/easy-read.pdf",
            $"/my-involvement/you-said-we-did/{attended.ProjectId}", $"/my-involvement/you-said-we-did/{attended.ProjectId}.pdf",
            $"/my-involvement/activities/{attended.ActivityId}/feedback/{attended.ItemIds[0]}",
        ];

        await AssertCountsStayTheSameAsync(Roles.ExpertByExperience, urls, async () =>
        {
            var more = await PeopleAsync(18);
            await SignUpAsync(open, more);
            await OpenActivitiesAsync(9, [jo, .. others], "Jo's later workshop");
            await ClaimsAsync(9, (jo, joUser));
            await NotesAsync(attended.ActivityId, jo, 30);
            await ThemesAsync(attended, 9);
        });
    }

    [Fact]
    public async Task OrganisersActivityForms_SameCommands_WithTenTimesTheSignUpsNotesAndProjects()
    {
        var people = await PeopleAsync(3);
        var open = (await OpenActivitiesAsync(1, people, "Organised workshop")).Single();
        var asked = await WithDbAsync(db => db.SignUps.Where(s => s.ActivityId == open && s.Status == SignUpStatus.Requested).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var done = await FeedbackData.CreateAsync(portal, "Query count: organised and done");
        var attended = await WithDbAsync(db => db.SignUps.Where(s => s.ActivityId == done.ActivityId && s.Attendance == Attendance.Attended).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var projectId = await AnyProjectIdAsync();
        // The form offers the projects changed most recently, and the one asked for if it is not among them:
        // with more projects than it offers from the start, that one is always read on its own.
        await ProjectsAsync(ActivityPages.ProjectChoices + 5);
        string[] urls =
        [
            "/manage/activities/new", $"/manage/activities/new?projectId={projectId}", $"/manage/activities/{open}/edit",
            $"/manage/activities/{open}/sign-ups/{asked}/decline", $"/manage/activities/{done.ActivityId}/sign-ups/{attended}/attendance",
            $"/manage/activities/{done.ActivityId}/feedback/{done.ItemIds[0]}/edit", $"/manage/activities/{done.ActivityId}/keys",
        ];

        await AssertCountsStayTheSameAsync(Roles.Commissioner, urls, async () =>
        {
            var more = await PeopleAsync(27);
            await SignUpAsync(open, more);
            await NotesAsync(done.ActivityId, done.Attended[0].ProfileId, 30);
            await ProjectsAsync(60);
            await ClaimsAsync(3);
        });
    }

    [Fact]
    public async Task ProjectForms_SameCommands_WithTenTimesTheProjectsEvidenceAndActivities()
    {
        var id = (await ProjectsAsync(1)).Single();
        await ProjectEvidenceAsync(id, 1);
        string[] urls =
        [
            $"/projects/{id}/edit", $"/projects/{id}/requirements/R1/evidence", $"/projects/{id}/requirements/R3/exception",
            $"/projects/{id}/next-stage", $"/projects/{id}/next-cycle", $"/projects/{id}/statement.pdf",
        ];

        await AssertCountsStayTheSameAsync(Roles.Commissioner, urls, async () =>
        {
            await ProjectEvidenceAsync(id, 9);
            await ProjectsAsync(20);
        });
    }

    /// <summary>
    /// A claim an organiser makes for someone with no email, as the attendance page's button does,
    /// with the expenses and other claims the page and the benefit check read.
    /// </summary>
    [Fact]
    public async Task ClaimsForSomeone_SameCommands_WithTenTimesTheExpensesAndOtherClaims()
    {
        var world = new PaymentsWorld(portal.Services);
        var organiser = await UserIdAsync(DemoUsers.EmailFor(Roles.Commissioner));
        var place = (await world.AttendedAsync(organiser, Today.AddDays(-10), 1)).Single();
        await WithDbAsync(async db =>
        {
            await db.ExpertProfiles.Where(p => p.Id == place.ProfileId).ExecuteUpdateAsync(p => p.SetProperty(x => x.ContactEmail, (string?)null));
            await db.Users.Where(u => u.Id == place.PersonUserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, (string?)null));
        });
        int claimId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            claimId = await scope.ServiceProvider.GetRequiredService<ClaimService>().MakeOnBehalfAsync(place.ActivityId, place.SignUpId, organiser, default);
        }
        async Task ExpensesAsync(int count) => await WithDbAsync(async db =>
        {
            var claim = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery().SingleAsync(c => c.Id == claimId);
            for (var i = 0; i < count; i++)
            {
                claim.AddExpense(ExpenseCategory.PublicTransport, Money.FromPounds(1.20m), new Receipt($"receipt-{Guid.NewGuid():N}", "bus.jpg"), organiser, Now);
            }
            await db.SaveChangesAsync();
        });
        await ExpensesAsync(1);
        string[] urls = [$"/manage/claims/{claimId}", $"/manage/claims/{claimId}/check", $"/manage/claims/{claimId}/expenses/new"];

        await AssertCountsStayTheSameAsync(Roles.Commissioner, urls, async () =>
        {
            await ExpensesAsync(9);
            await ClaimsAsync(3, (place.ProfileId, place.PersonUserId));
        });
    }

    [Fact]
    public async Task FinanceCorrection_SameCommands_WhateverTheClaimsHistory()
    {
        var world = new PaymentsWorld(portal.Services);
        var id = (await ClaimsAsync(1)).Single();
        await world.ApproveAsync(id, "another-finance-officer");

        await AssertCountsStayTheSameAsync(Roles.FinanceOfficer, [$"/finance/claims/{id}/correction"], async () => await ClaimsAsync(9));
    }

    /// <summary>Staff accounts with a role each, as the lead's form makes them.</summary>
    private async Task StaffAsync(int count)
    {
        var world = new PaymentsWorld(portal.Services);
        for (var i = 0; i < count; i++)
        {
            await world.StaffAsync($"Staff Member {i}", i % 2 == 0 ? Roles.Commissioner : Roles.FinanceOfficer);
        }
    }

    /// <summary>Rate items with two versions each, benefit limits and expenses policies to come, and a budget's claims.</summary>
    private Task SettingsHistoryAsync(int count) => WithDbAsync(async db =>
    {
        var card = new RateCard(await db.RateItems.AsNoTracking().ToListAsync());
        for (var i = 0; i < count; i++)
        {
            var item = card.NewItem($"Rate {Guid.NewGuid():N}", ActivityType.Workshop, RateKind.PerHour, new RateTerms(Money.FromPounds(25m)), Today, "system", Now);
            item.AddVersion(new RateTerms(Money.FromPounds(30m)), Today.AddDays(30), "system", Now);
            db.RateItems.Add(item);
        }
        var limits = await db.BenefitLimits.AsNoTracking().OrderByDescending(b => b.EffectiveFrom).FirstAsync();
        for (var i = 0; i < count; i++)
        {
            db.BenefitLimits.Add(BenefitLimits.Create(new[] { Today, limits.EffectiveFrom }.Max().AddYears(i + 1), limits.Figures, "GOV.UK benefit rates", null));
        }
        await db.SaveChangesAsync();
        for (var i = 0; i < count; i++)
        {
            await WithDbAsync(async policies =>
            {
                // As the lead's form publishes them: each version after the last, from today or later.
                var existing = await policies.ExpensesPolicies.AsNoTracking().ToListAsync();
                var latest = existing.MaxBy(p => p.Version)!;
                policies.ExpensesPolicies.Add(ExpensesPolicy.Publish(existing, latest.MileageRatePerMile, latest.Rules,
                    new[] { Today, latest.EffectiveFrom }.Max().AddDays(1), "system", Now));
                await policies.SaveChangesAsync();
            });
        }
    });

    [Fact]
    public async Task LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings()
    {
        await ProjectsAsync(3);
        await StaffAsync(1);
        await SettingsHistoryAsync(1);
        await ClaimsAsync(2);
        var exception = await WithDbAsync(db => db.ExceptionRequests.OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());
        var staff = await UserIdAsync(DemoUsers.EmailFor(Roles.FinanceOfficer));
        var rate = await WithDbAsync(db => db.RateItems.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var limits = await WithDbAsync(db => db.BenefitLimits.OrderByDescending(b => b.EffectiveFrom).Select(b => b.Id).FirstAsync());
        string[] urls =
        [
            "/exceptions", "/exceptions?page=2", $"/exceptions/{exception}", "/rules", "/rules/new", "/rules/reassess", "/co-production-rules",
            "/payments/budget", "/payments/settings", "/payments/benefit-limits", "/payments/benefit-limits/new", $"/payments/benefit-limits/{limits}/correct",
            $"/payments/rates/{rate}", "/payments/expenses", "/payments/expenses/new",
            "/easy-read/templates", "/easy-read/templates/payments/check", "/easy-read/templates/payments/sample", "/easy-read/templates/payments/sample.pdf",
            "/admin/staff", $"/admin/staff/{staff}/roles",
        ];

        await AssertCountsStayTheSameAsync(Roles.CoProductionLead, urls, async () =>
        {
            await ProjectsAsync(27);
            await StaffAsync(9);
            await SettingsHistoryAsync(9);
            await ClaimsAsync(18);
        });
    }

    [Fact]
    public async Task ReportDownloads_SameCommands_WithTenTimesTheData()
    {
        var first = await PeopleAsync(3);
        await ProjectsAsync(2);
        await ClaimsAsync(2);
        await ThemesAsync(await FeedbackData.CreateAsync(portal, "Query count: report downloads"), 2);
        await OpenActivitiesAsync(1, first);
        string[] urls = ["/reports/requirements-ongoing.csv", "/reports/exceptions.csv", "/reports/roster-reach.csv", "/reports/payments.csv", "/reports/you-said-we-did.csv"];

        await AssertCountsStayTheSameAsync(Roles.CoProductionLead, urls, async () =>
        {
            var more = await PeopleAsync(27);
            await ProjectsAsync(18);
            await ClaimsAsync(18);
            await ThemesAsync(await FeedbackData.CreateAsync(portal, "Query count: more report downloads"), 18);
            await OpenActivitiesAsync(9, more);
        });
    }

    [Fact]
    public async Task PublicDocuments_SameCommands_WithTenTimesTheActivitiesRatesAndThemes()
    {
        var people = await PeopleAsync(2);
        await OpenActivitiesAsync(3, people, "Public programme");
        var published = await FeedbackData.CreateAsync(portal, "Query count: public documents");
        await ThemesAsync(published, 2);
        string[] urls = ["/programme.pdf", "/how-we-pay/easy-read", "/how-we-pay/easy-read.pdf", $"/you-said-we-did/{published.ProjectId}/easy-read.pdf"];

        await AssertCountsStayTheSameAsync(AccessExpectations.Anonymous, urls, async () =>
        {
            await OpenActivitiesAsync(27, people, "More public programme");
            await SettingsHistoryAsync(20);
            await ThemesAsync(published, 18);
        });
    }
}
