using CoProduce.IntegrationTests.Payments;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Finance;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Each list and detail page sends the same number of SQL commands however much data there is:
/// measured with some data, then again with ten times as much. A page that loaded a row at a
/// time (N+1) or everything to filter in memory would send more, or fail the roster's budget.
/// </summary>
public sealed class QueryCountTests(PortalFixture portal, ITestOutputHelper output) : IClassFixture<PortalFixture>
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

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
    /// Counts the page's commands with the data as it is, then after <paramref name="grow"/> adds
    /// nine times as much. For a list, <paramref name="pagedTable"/> names the table it pages: every
    /// command that reads it must count or have a limit, or it would read every row in one go.
    /// </summary>
    private async Task<IReadOnlyList<string>> AssertCountStaysTheSameAsync(string role, Func<Task<string>> urlOf, Func<Task> grow, string? pagedTable = null)
    {
        var client = await portal.ClientForAsync(role);
        var url = await urlOf();
        await client.CountCommandsAsync(url); // the first request warms the key ring and caches
        var before = await client.RecordCommandsAsync(url);

        await grow();
        var after = await client.RecordCommandsAsync(url);

        output.WriteLine($"{url}: {before.Count} commands, then {after.Count} with ten times the data");
        Assert.True(before.Count == after.Count,
            $"{url} sent {before.Count} SQL commands, then {after.Count} with ten times the data:\n\n" + string.Join("\n\n", after));
        if (pagedTable is not null)
        {
            // Recording who was seen (SpecialCategoryViewsService) reads the table too, but only the ids the page showed.
            var reads = after.Where(sql => sql.Contains($"FROM \"{pagedTable}\"", StringComparison.Ordinal)
                && !sql.StartsWith("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(reads);
            Assert.All(reads, sql => Assert.True(sql.Contains("COUNT(*)", StringComparison.Ordinal) || sql.Contains("LIMIT", StringComparison.Ordinal)
                    || OnlyAsExists(sql, pagedTable),
                $"{url} read {pagedTable} without a count or a limit:\n\n{sql}"));
        }
        return after;
    }

    /// <summary>
    /// A page that shows many people's special category data records each view in one INSERT,
    /// however many people it shows (EF Core would send one INSERT per row on SQLite).
    /// </summary>
    private static void AssertViewsRecordedInOneCommand(IReadOnlyList<string> sql)
    {
        var inserts = sql.Where(c => c.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal) && c.Contains("SpecialCategoryViewed", StringComparison.Ordinal)
            || (c.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal) && c.Contains("FROM \"ExpertProfiles\"", StringComparison.Ordinal))).ToList();
        Assert.Single(inserts);
    }

    /// <summary>The table is only asked whether a matching row exists (an index look-up per outer row), never read whole.</summary>
    private static bool OnlyAsExists(string sql, string table)
    {
        var from = $"FROM \"{table}\"";
        var first = sql.IndexOf(from, StringComparison.Ordinal);
        return first >= 0 && first == sql.LastIndexOf(from, StringComparison.Ordinal)
            && sql.LastIndexOf("EXISTS (", first, StringComparison.Ordinal) is var exists && exists >= 0
            && sql[exists..first].Trim().Length <= "EXISTS (\n    SELECT 1".Length + 8;
    }

    private async Task<string> UserIdAsync(string email) =>
        await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<int> ProfileIdAsync(string email) =>
        await WithDbAsync(db => db.ExpertProfiles.Where(p => p.ContactEmail == email).Select(p => p.Id).SingleAsync());

    /// <summary>People on the roster, each with consent, lived experience, access needs and days they are free.</summary>
    private async Task<List<int>> PeopleAsync(int count) => await WithDbAsync(async db =>
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

    private async Task<int> AnyProjectIdAsync() => await WithDbAsync(db => db.CommissioningProjects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    /// <summary>Open activities, taking sign-ups, each with the given people signed up (the first confirmed, the rest waiting).</summary>
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
                    new ActivityPlace(i % 2 == 0 ? ActivityMode.InPerson : ActivityMode.Online, "Library", "Step-free", null),
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

    /// <summary>Completed activities in the past that each of the people attended.</summary>
    private async Task AttendedAsync(int count, List<int> people)
    {
        var projectId = await AnyProjectIdAsync();
        await WithDbAsync(async db =>
        {
            var activities = new List<Activity>();
            for (var i = 0; i < count; i++)
            {
                var date = Today.AddDays(-10 - (10 * i));
                var activity = new Activity(projectId, $"Past activity {i:D3}", ActivityType.Workshop, "A workshop.",
                    new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
                    new ActivityPlace(ActivityMode.Online, null, null, null),
                    people.Count, [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: true, "system", Now);
                // Its history happened before its day: opened, asked for and confirmed then.
                var before = UkTime.ToUtc(date.AddDays(-5), new TimeOnly(12, 0));
                activity.MoveTo(ActivityStatus.Open, before);
                foreach (var person in people)
                {
                    activity.RequestPlace(person, true, string.Empty, before);
                }
                activities.Add(activity);
            }
            db.Activities.AddRange(activities);
            await db.SaveChangesAsync();
            foreach (var activity in activities)
            {
                var before = UkTime.ToUtc(activity.Date.AddDays(-5), new TimeOnly(12, 0));
                foreach (var signUp in activity.SignUps)
                {
                    activity.Confirm(signUp.Id, true, null, before);
                }
                activity.MoveTo(ActivityStatus.Completed, Now);
                foreach (var signUp in activity.SignUps)
                {
                    activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), new SessionNotes(null, null, null), "organiser", Now);
                }
            }
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Projects with evidence, an exception waiting for a decision and a history.</summary>
    private async Task ProjectsAsync(int count) => await WithDbAsync(async db =>
    {
        var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
        var owner = await db.Users.Where(u => u.Email == "commissioner@example.org").Select(u => u.Id).SingleAsync();
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
    });

    /// <summary>
    /// More of everything a project's page shows: evidence with files, evidence recorded from
    /// activities, decided and waiting exceptions, history.
    /// </summary>
    private async Task ProjectHistoryAsync(int projectId, int count) => await WithDbAsync(async db =>
    {
        var owner = await db.Users.Where(u => u.Email == "commissioner@example.org").Select(u => u.Id).SingleAsync();
        var lead = await db.Users.Where(u => u.Email == "lead@example.org").Select(u => u.Id).SingleAsync();
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
        // Evidence for every requirement but one, which gets exceptions asked for and declined.
        var required = project.Requirements.Where(r => r.IsRequired).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        for (var i = 0; i < count; i++)
        {
            foreach (var requirement in required.SkipLast(1))
            {
                var evidence = requirement.AddEvidence($"Evidence {i}", Today, i, "Notes", owner, Now);
                evidence.Attach(new EvidenceAttachment($"notes-{i}.pdf", "application/pdf", 1000, Guid.NewGuid().ToString("N")));
            }
            required[0].AddEvidence($"Activity evidence {i}", Today, 2, string.Empty, owner, Now, activities[i].Id);
            var asked = required[^1].RequestException($"Reason {i}", owner, Now);
            await db.SaveChangesAsync();
            asked.Decide(ExceptionDecision.Declined, "Please do it", lead, deciderIsCoProductionLead: true, Now);
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(projectId), projectId, AuditActions.EvidenceAdded, $"Evidence added {i}.", owner, Now));
        }
        await db.SaveChangesAsync();
    });

    /// <summary>Feedback at the latest past activities (tagged with keys), and a "you said, we did" published for their project.</summary>
    private async Task FeedbackAsync(int count) => await WithDbAsync(async db =>
    {
        var lead = await db.Users.Where(u => u.Email == "lead@example.org").Select(u => u.Id).SingleAsync();
        var activities = await db.Activities.Where(a => a.Date < Today).OrderByDescending(a => a.Id).Take(count).Select(a => new { a.Id, a.ProjectId }).ToListAsync();
        foreach (var (activity, i) in activities.Select((a, i) => (a, i)))
        {
            db.FeedbackItems.Add(new CoProduce.Web.Domain.Feedback.FeedbackItem(activity.Id, activity.ProjectId, (CoProduce.Web.Domain.Feedback.FeedbackKind)(1 + (i % 3)),
                "Said at the workshop", (CoProduce.Web.Domain.Feedback.SevenKeys)(1 + (i % 127)), null, false, lead, Now));
        }
        db.YouSaidWeDidPublications.AddRange(activities.Select(a => a.ProjectId).Distinct()
            .Select(projectId => new CoProduce.Web.Domain.Feedback.YouSaidWeDidPublication(projectId, 1, false, null, lead, Now)));
        await db.SaveChangesAsync();
    });

    [Theory]
    [InlineData("/reports/requirements")]
    [InlineData("/reports/roster-reach")]
    [InlineData("/reports/payments")]
    [InlineData("/reports/seven-keys")]
    [InlineData("/reports/you-said-we-did")]
    [InlineData("/reports/requirements.csv")]
    [InlineData("/reports/seven-keys.csv")]
    public async Task Reports_SameCommands_WithTenTimesTheData(string url)
    {
        var first = await PeopleAsync(3);
        await AttendedAsync(2, first);
        await ProjectsAsync(2);
        await FeedbackAsync(2);

        await AssertCountStaysTheSameAsync(Roles.CoProductionLead, () => Task.FromResult(url), async () =>
        {
            var more = await PeopleAsync(27);
            await AttendedAsync(4, more);
            await ProjectsAsync(18);
            await FeedbackAsync(20);
        });
    }

    [Theory]
    [InlineData("/audit", "AuditEntries")]
    [InlineData("/audit?subject=Project&act=ProjectCreated&From.Day=1&From.Month=1&From.Year=2020&page=2", "AuditEntries")]
    [InlineData("/audit.csv?subject=Project", null)]
    public async Task AuditLog_SameCommands_WithTenTimesTheEntries(string url, string? pagedTable)
    {
        await PeopleAsync(3);
        await ProjectsAsync(30);

        // The CSV reads every matching entry, but in one command, row by row as it writes them.
        await AssertCountStaysTheSameAsync(Roles.CoProductionLead, () => Task.FromResult(url), async () =>
        {
            await PeopleAsync(27);
            await ProjectsAsync(270);
        }, pagedTable);
    }

    /// <summary>People made ten years ago who have done nothing since: the retention policy's dry run lists them.</summary>
    private async Task InactivePeopleAsync(int count)
    {
        var ids = await PeopleAsync(count);
        var longAgo = Now.AddYears(-10);
        await WithDbAsync(db => db.ExpertProfiles.Where(p => ids.Contains(p.Id))
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.CreatedUtc, longAgo).SetProperty(x => x.UpdatedUtc, longAgo)));
    }

    [Theory]
    [InlineData("/retention")]
    [InlineData("/retention?peoplePage=2")]
    public async Task RetentionDryRun_SameCommands_WithTenTimesThePeopleDue(string url)
    {
        await InactivePeopleAsync(25);

        await AssertCountStaysTheSameAsync(Roles.CoProductionLead, () => Task.FromResult(url), () => InactivePeopleAsync(225), "ExpertProfiles");
    }

    [Fact]
    public async Task BackgroundWork_SameCommands_WithTenTimesTheJobs() =>
        await AssertCountStaysTheSameAsync(Roles.CoProductionLead, () => Task.FromResult("/admin/background-work"), () => WithDbAsync(async db =>
        {
            // Jobs no instance runs any more keep their rows; the page lists them all from one read.
            db.JobLeases.AddRange(Enumerable.Range(0, 20).Select(i => new CoProduce.Web.Infrastructure.Background.JobLease($"old-job-{Guid.NewGuid():N}", Now)));
            await db.SaveChangesAsync();
        }));

    [Fact]
    public async Task SevenKeysReport_TestsEachKeyBitwiseInTheDatabase()
    {
        var client = await portal.ClientForAsync(Roles.CoProductionLead);
        var sql = string.Join("\n", await client.RecordCommandsAsync("/reports/seven-keys"));

        // Each key is a bitwise AND on the stored number (for feedback, then for activities), counted by
        // the database; nothing is loaded to look. SQL Server has the same & operator.
        Assert.Equal(2 * CoProduce.Web.Domain.Feedback.SevenKeysInfo.All.Count, System.Text.RegularExpressions.Regex.Count(sql, @"""Keys"" & @\w+ <> 0"));
        Assert.Contains("COUNT(*)", sql, StringComparison.Ordinal);
        Assert.Contains("UNION ALL", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roster_SameCommands_WithTenTimesThePeople()
    {
        var first = await PeopleAsync(5);
        await AttendedAsync(2, first);

        var after = await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult("/roster"), async () =>
        {
            var more = await PeopleAsync(45);
            await AttendedAsync(2, more);
        }, pagedTable: "ExpertProfiles");
        AssertViewsRecordedInOneCommand(after);
    }

    [Fact]
    public async Task RosterSearch_SameCommands_WithTenTimesThePeople()
    {
        await PeopleAsync(5);

        await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult("/roster?area=Carer&need=EasyRead&day=Monday&mode=InPerson&notRecent=true&page=1"),
            () => PeopleAsync(45), pagedTable: "ExpertProfiles");
    }

    [Fact]
    public async Task RosterInvitingToAnActivity_SameCommands_WithTenTimesThePeopleAndTheirSignUps()
    {
        var first = await PeopleAsync(5);
        var id = (await OpenActivitiesAsync(1, first, "Inviting from the roster")).Single();

        await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult($"/roster?inviteTo={id}"), async () =>
        {
            var more = await PeopleAsync(45);
            await WithDbAsync(async db =>
            {
                var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == id);
                foreach (var person in more)
                {
                    activity.Invite(person, true, Now);
                }
                await db.SaveChangesAsync();
            });
        }, pagedTable: "ExpertProfiles");
    }

    [Fact]
    public async Task FindActivities_SameCommands_WithTenTimesTheActivities()
    {
        var jo = await ProfileIdAsync("expert@example.org");
        var others = await PeopleAsync(2);
        await OpenActivitiesAsync(3, [jo, .. others]);

        await AssertCountStaysTheSameAsync(Roles.ExpertByExperience, () => Task.FromResult("/activities"),
            () => OpenActivitiesAsync(27, [jo, .. others]), pagedTable: "Activities");
    }

    [Fact]
    public async Task Programme_SameCommands_WithTenTimesTheActivities()
    {
        var others = await PeopleAsync(2);
        await OpenActivitiesAsync(3, others, "Programme activity");

        await AssertCountStaysTheSameAsync(AccessExpectations.Anonymous, () => Task.FromResult("/programme"),
            () => OpenActivitiesAsync(27, others, "Programme activity"), pagedTable: "Activities");
    }

    /// <summary>Rate items, each with two versions, made as the lead's service makes them.</summary>
    private Task RatesAsync(int count) => WithDbAsync(async db =>
    {
        var card = new RateCard(await db.RateItems.AsNoTracking().ToListAsync());
        var today = UkTime.Today(TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            var item = card.NewItem($"Rate {Guid.NewGuid():N}", ActivityType.Workshop, RateKind.PerHour, new RateTerms(Money.FromPounds(25m)), today, "system", Now);
            item.AddVersion(new RateTerms(Money.FromPounds(30m)), today.AddDays(30), "system", Now);
            db.RateItems.Add(item);
        }
        await db.SaveChangesAsync();
    });

    [Theory]
    [InlineData("/payments/rates")]
    [InlineData("/how-we-pay")]
    public async Task RateCardPages_SameCommands_WithTenTimesTheRates(string url)
    {
        await RatesAsync(2);

        await AssertCountStaysTheSameAsync(Roles.CoProductionLead, () => Task.FromResult(url), () => RatesAsync(18));
    }

    [Fact]
    public async Task ManageActivities_SameCommands_WithTenTimesTheActivities()
    {
        var people = await PeopleAsync(3);
        await OpenActivitiesAsync(3, people);

        await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult("/manage/activities"),
            () => OpenActivitiesAsync(27, people), pagedTable: "Activities");
    }

    [Fact]
    public async Task MyInvolvement_SameCommands_WithTenTimesTheirActivities()
    {
        var jo = await ProfileIdAsync("expert@example.org");
        await OpenActivitiesAsync(3, [jo]);
        await AttendedAsync(1, [jo]);

        await AssertCountStaysTheSameAsync(Roles.ExpertByExperience, () => Task.FromResult("/my-involvement"), async () =>
        {
            await OpenActivitiesAsync(27, [jo]);
            await AttendedAsync(9, [jo]);
        });
    }

    [Fact]
    public async Task Projects_SameCommands_WithTenTimesTheProjects()
    {
        await ProjectsAsync(5);

        await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult("/projects"), () => ProjectsAsync(45), pagedTable: "CommissioningProjects");
    }

    [Fact]
    public async Task ProjectsSortedByValue_SameCommands_WithTenTimesTheProjects()
    {
        await ProjectsAsync(5);

        await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult("/projects?view=mine&sort=value&q=Project"), () => ProjectsAsync(45), pagedTable: "CommissioningProjects");
    }

    [Fact]
    public async Task ProjectPage_SameCommands_WithTenTimesItsEvidenceExceptionsAndHistory()
    {
        var id = await AnyProjectIdAsync();
        await ProjectHistoryAsync(id, 1);

        await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult($"/projects/{id}"), () => ProjectHistoryAsync(id, 9));
    }

    [Fact]
    public async Task ProjectPage_SameCommands_WithTenTimesTheAttendanceOnItsLadder()
    {
        var id = await AnyProjectIdAsync();
        await AttendedAsync(1, await PeopleAsync(3));

        await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult($"/projects/{id}"), async () => await AttendedAsync(3, await PeopleAsync(10)));
    }

    [Fact]
    public async Task LadderComparison_SameCommands_WithTenTimesTheProjectsAndAttendance()
    {
        await ProjectsAsync(5);
        await AttendedAsync(1, await PeopleAsync(3));

        await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult("/projects/ladder?sort=hours&page=2"), async () =>
        {
            await ProjectsAsync(45);
            await AttendedAsync(3, await PeopleAsync(10));
        }, pagedTable: "CommissioningProjects");
    }

    [Fact]
    public async Task CoProductionStatement_SameCommands_WithTenTimesTheActivitiesAndPeople()
    {
        var id = await AnyProjectIdAsync();
        await AttendedAsync(1, await PeopleAsync(3));
        await ProjectHistoryAsync(id, 1);

        await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult($"/projects/{id}/statement"), async () =>
        {
            await AttendedAsync(9, await PeopleAsync(27));
            await ProjectHistoryAsync(id, 9);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("?sort=least-involved")]
    [InlineData("?show=requested&page=2")]
    [InlineData("?show=waiting-list&sort=least-involved&page=2")]
    public async Task ActivityPage_SameCommands_WithTenTimesItsSignUps(string query)
    {
        var people = await PeopleAsync(6);
        var id = (await OpenActivitiesAsync(1, people, "Busy activity")).Single();

        // More sign-ups than a page holds. Sorted by least recent involvement too: when each person took part is looked up in the same command.
        var after = await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult($"/manage/activities/{id}{query}"), async () =>
        {
            var more = await PeopleAsync(54);
            await AttendedAsync(3, more);
            await WithDbAsync(async db =>
            {
                var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == id);
                foreach (var person in more)
                {
                    activity.RequestPlace(person, true, "Large print, please", Now);
                }
                await db.SaveChangesAsync();
            });
        });
        // A page of people's access needs and lived experience seen: one audit entry each, one command.
        AssertViewsRecordedInOneCommand(after);
        // The sign-ups are counted, or listed a page at a time, or looked up for the people on the page.
        Assert.Contains(after, sql => sql.Contains("FROM \"SignUps\"", StringComparison.Ordinal) && sql.Contains("LIMIT", StringComparison.Ordinal));
        Assert.DoesNotContain(after, sql => sql.Contains("FROM \"SignUps\"", StringComparison.Ordinal)
            && !sql.Contains("COUNT(", StringComparison.Ordinal) && !sql.Contains("LIMIT", StringComparison.Ordinal) && !sql.Contains(" IN (", StringComparison.Ordinal));
    }

    /// <summary>Notes of what people said at an activity, each said by one of those who attended and named or private.</summary>
    private Task NotesAsync(int activityId, List<int> speakers, int count) => WithDbAsync(async db =>
    {
        var projectId = await db.Activities.Where(a => a.Id == activityId).Select(a => a.ProjectId).SingleAsync();
        var theme = new CoProduce.Web.Domain.Feedback.FeedbackTheme(projectId, $"Theme {Guid.NewGuid():N}", "organiser", Now);
        db.FeedbackThemes.Add(theme);
        await db.SaveChangesAsync();
        for (var i = 0; i < count; i++)
        {
            var item = new CoProduce.Web.Domain.Feedback.FeedbackItem(activityId, projectId, (CoProduce.Web.Domain.Feedback.FeedbackKind)(1 + (i % 3)),
                $"Note {i:D3}", CoProduce.Web.Domain.Feedback.SevenKeys.Home, speakers[i % speakers.Count], mayNameThem: i % 2 == 0, "organiser", Now);
            if (i % 4 == 0)
            {
                item.PutInTheme(theme.Id, Now);
            }
            db.FeedbackItems.Add(item);
        }
        await db.SaveChangesAsync();
    });

    private Task<int> PastActivityIdAsync(int profileId) => WithDbAsync(db => db.Activities
        .Where(a => a.SignUps.Any(s => s.ExpertProfileId == profileId && s.Attendance == Attendance.Attended))
        .OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());

    [Fact]
    public async Task ActivityNotes_SameCommands_WithTenTimesTheNotesAndPeople()
    {
        var people = await PeopleAsync(3);
        await AttendedAsync(1, people);
        var id = await PastActivityIdAsync(people[0]);
        await NotesAsync(id, people, 3);

        await AssertCountStaysTheSameAsync(Roles.Commissioner, () => Task.FromResult($"/manage/activities/{id}/feedback"), () => NotesAsync(id, people, 27), pagedTable: "FeedbackItems");
    }

    [Fact]
    public async Task MyActivityNotes_SameCommands_WithTenTimesTheNotes()
    {
        var jo = await ProfileIdAsync("expert@example.org");
        var people = await PeopleAsync(2);
        await AttendedAsync(1, [jo, .. people]);
        var id = await PastActivityIdAsync(jo);
        await NotesAsync(id, [jo, .. people], 3);

        await AssertCountStaysTheSameAsync(Roles.ExpertByExperience, () => Task.FromResult($"/my-involvement/activities/{id}/feedback"),
            () => NotesAsync(id, [jo, .. people], 27), pagedTable: "FeedbackItems");
    }

    /// <summary>Claims sent to finance, each for a place at a past activity, with expenses and a history; every other one approved.</summary>
    private async Task<List<int>> ClaimsAsync(int count, bool approve = false)
    {
        var world = new PaymentsWorld(portal.Services);
        var organiser = await UserIdAsync("commissioner@example.org");
        var places = await world.AttendedAsync(organiser, Today.AddDays(-40), count);
        var ids = new List<int>();
        foreach (var place in places)
        {
            var id = await world.SubmittedClaimAsync(place, organiser, 20m + place.SignUpId % 50, expenses: [3.20m, 1.05m]);
            if (approve)
            {
                await world.ApproveAsync(id, "another-finance-officer");
                await world.GiveBankDetailsAsync(place.ProfileId, "Account Holder", "112233", "12345678");
            }
            ids.Add(id);
        }
        return ids;
    }

    [Fact]
    public async Task FinanceQueue_SameCommands_WithTenTimesTheClaims()
    {
        await ClaimsAsync(3);

        await AssertCountStaysTheSameAsync(Roles.FinanceOfficer, () => Task.FromResult("/finance?status=all&activity=Workshop&min=1&max=1000&sort=amount-desc"),
            () => ClaimsAsync(27));
    }

    [Fact]
    public async Task FinanceClaimPage_SameCommands_WhateverItsHistory()
    {
        var claims = await ClaimsAsync(1);

        await AssertCountStaysTheSameAsync(Roles.FinanceOfficer, () => Task.FromResult($"/finance/claims/{claims[0]}"), async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await WithDbAsync(async db =>
                {
                    var claim = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery().SingleAsync(c => c.Id == claims[0]);
                    if (claim.Status == ClaimStatus.Submitted)
                    {
                        claim.Query($"Question {i}", "another-finance-officer", Now);
                    }
                    claim.AddExpense(ExpenseCategory.Meals, Money.FromPounds(1.50m), new Receipt("receipt", "lunch.jpg"), "claimant", Now);
                    claim.Submit("claimant", Now, $"Answer {i}");
                    await db.SaveChangesAsync();
                });
            }
        });
    }

    /// <summary>
    /// Approved claims in each group waiting to be paid: bank transfers ready (with bank details),
    /// bank transfers needing bank details, vouchers, and corrections owed back (each taking £5
    /// back from an approved claim of its own).
    /// </summary>
    private async Task WaitingClaimsAsync(int each)
    {
        var world = new PaymentsWorld(portal.Services);
        var organiser = await UserIdAsync("commissioner@example.org");
        await ClaimsAsync(each, approve: true);
        var places = await world.AttendedAsync(organiser, Today.AddDays(-40), each * 3);
        for (var i = 0; i < each; i++)
        {
            var noBank = await world.SubmittedClaimAsync(places[i], organiser, 20m);
            await world.ApproveAsync(noBank, "another-finance-officer");
            var voucher = await world.SubmittedClaimAsync(places[each + i], organiser, 15m, ClaimPaymentMethod.Voucher);
            await world.ApproveAsync(voucher, "another-finance-officer");
            var original = await world.SubmittedClaimAsync(places[(2 * each) + i], organiser, 30m, ClaimPaymentMethod.Voucher);
            await world.ApproveAsync(original, "another-finance-officer");
            var correction = await WithDbAsync(async db =>
            {
                var approved = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery().SingleAsync(c => c.Id == original);
                approved.RecordPaidOutsideBatch("another-finance-officer", Now);
                var back = Claim.Correcting(approved, Money.FromPounds(-5m), "Paid too much", "another-finance-officer", Now);
                back.Submit("another-finance-officer", Now);
                db.Claims.Add(back);
                await db.SaveChangesAsync();
                return back.Id;
            });
            await world.ApproveAsync(correction, "a-third-finance-officer");
        }
    }

    [Fact]
    public async Task PaymentBatches_SameCommands_WithTenTimesEveryGroupWaitingAndTheBatches_AndThePageStaysBounded()
    {
        var finance = await UserIdAsync("finance@example.org");
        async Task GrowAsync(int each, int batches)
        {
            await WaitingClaimsAsync(each);
            for (var i = 0; i < batches; i++)
            {
                await ClaimsAsync(1, approve: true);
                await WithDbAsync(async db =>
                {
                    var ready = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery()
                        .Where(c => c.Status == ClaimStatus.Approved && c.PaymentMethod == ClaimPaymentMethod.BankTransfer && db.PaymentDetails.Any(d => d.ExpertProfileId == c.ExpertProfileId))
                        .OrderBy(c => c.Id).Take(1).ToListAsync();
                    db.PaymentBatches.Add(new PaymentBatch(ready, finance, Now));
                    await db.SaveChangesAsync();
                });
            }
        }
        await GrowAsync(6, 2);

        await AssertCountStaysTheSameAsync(Roles.FinanceOfficer, () => Task.FromResult("/finance/batches"), () => GrowAsync(BatchesPage.ClaimsPageSize + 4, 20),
            pagedTable: "Claims");

        // Every group is now more than a page: each shows one page of rows.
        var client = await portal.ClientForAsync(Roles.FinanceOfficer);
        var page = await client.GetPageAsync("/finance/batches");
        foreach (var table in new[] { "ready", "needs-bank-details", "vouchers", "owed-back" })
        {
            Assert.Equal(BatchesPage.ClaimsPageSize, page.QuerySelectorAll($"#{table} tbody tr").Length);
        }
        Assert.Equal(BatchesPage.PageSize, page.QuerySelectorAll("#page ~ .app-table-container tbody tr").Length);

        // More waiting in every group and more batches: the page is no bigger (only its numbers change).
        var before = (await client.GetStringAsync(new Uri("/finance/batches", UriKind.Relative))).Length;
        await GrowAsync(10, 3);
        var after = (await client.GetStringAsync(new Uri("/finance/batches", UriKind.Relative))).Length;
        output.WriteLine($"/finance/batches: {before} characters, then {after} with more in every list");
        Assert.InRange(after, before - 2_000, before + 2_000);
    }

    [Fact]
    public async Task PaymentBatchPage_SameCommands_ForABatchTenTimesAsBig()
    {
        var finance = await UserIdAsync("finance@example.org");
        async Task<int> BatchAsync(int claims)
        {
            var ids = await ClaimsAsync(claims, approve: true);
            return await WithDbAsync(async db =>
            {
                var ready = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery().Where(c => ids.Contains(c.Id)).ToListAsync();
                var batch = new PaymentBatch(ready, finance, Now);
                db.PaymentBatches.Add(batch);
                await db.SaveChangesAsync();
                return batch.Id;
            });
        }
        var small = await BatchAsync(2);
        var big = await BatchAsync(20);
        var client = await portal.ClientForAsync(Roles.FinanceOfficer);
        await client.CountCommandsAsync($"/finance/batches/{small}");

        var smallCommands = await client.RecordCommandsAsync($"/finance/batches/{small}");
        var bigCommands = await client.RecordCommandsAsync($"/finance/batches/{big}");

        output.WriteLine($"Batch page: {smallCommands.Count} commands for 2 claims, {bigCommands.Count} for 20");
        Assert.Equal(smallCommands.Count, bigCommands.Count);
        AssertViewsRecordedInOneCommand(bigCommands);

        // The export for the payment system holds everyone's bank details: each payee's view is recorded, in one command too.
        var smallExport = await client.RecordCommandsAsync($"/finance/batches/{small}/export");
        var bigExport = await client.RecordCommandsAsync($"/finance/batches/{big}/export");
        output.WriteLine($"Batch export: {smallExport.Count} commands for 2 claims, {bigExport.Count} for 20");
        Assert.Equal(smallExport.Count, bigExport.Count);
        AssertViewsRecordedInOneCommand(bigExport);
    }

    [Fact]
    public async Task PaymentBatchPage_ShowsOnePageOfABigBatch_WithTheDatabaseTotals_AndTheExportHasEveryClaimOnce()
    {
        var finance = await UserIdAsync("finance@example.org");
        var ids = await ClaimsAsync(BatchPage.PageSize + 5, approve: true);
        var (batchId, expected) = await WithDbAsync(async db =>
        {
            var ready = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery().Where(c => ids.Contains(c.Id)).ToListAsync();
            var batch = new PaymentBatch(ready, finance, Now);
            db.PaymentBatches.Add(batch);
            await db.SaveChangesAsync();
            return (batch.Id, ready.ToDictionary(c => c.Id, c => c.Total));
        });
        var client = await portal.ClientForAsync(Roles.FinanceOfficer);
        var total = expected.Values.Aggregate(Money.Zero, (sum, amount) => sum + amount);
        async Task<List<string>> SeenAsync() => await WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.SpecialCategoryViewed && e.Summary.Contains($"page of payment batch {batchId}"))
            .OrderBy(e => e.Id).Select(e => e.SubjectId!).ToListAsync());
        async Task<List<string>> OnPageAsync(int page) => await WithDbAsync(db => db.PaymentBatches.Where(b => b.Id == batchId).SelectMany(b => b.Lines)
            .Where(l => l.Position > (page - 1) * BatchPage.PageSize && l.Position <= page * BatchPage.PageSize)
            .Select(l => l.ExpertProfileId.ToString()).ToListAsync());

        var first = await client.GetPageAsync($"/finance/batches/{batchId}");
        Assert.Equal(BatchPage.PageSize, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(total.ToString(), first.QuerySelector("#batch-total")!.TextContent);
        Assert.Contains($"Lines 1 to {BatchPage.PageSize} of {BatchPage.PageSize + 5}", first.QuerySelector("p[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector($"nav.govuk-pagination a[href='/finance/batches/{batchId}?page=2']"));
        // Only the people on the page shown are recorded as seen.
        var seenFirst = await SeenAsync();
        Assert.Equal((await OnPageAsync(1)).Order(), seenFirst.Order());

        var second = await client.GetPageAsync($"/finance/batches/{batchId}?page=2");
        Assert.Equal(["101", "102", "103", "104", "105"], second.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Equal(total.ToString(), second.QuerySelector("#batch-total")!.TextContent);
        Assert.Equal((await OnPageAsync(2)).Order(), (await SeenAsync()).Skip(seenFirst.Count).Order());

        // The same commands for the first page and the last, however big the batch.
        Assert.Equal((await client.RecordCommandsAsync($"/finance/batches/{batchId}")).Count, (await client.RecordCommandsAsync($"/finance/batches/{batchId}?page=2")).Count);

        // The export has every claim exactly once, each person's amount the sum of their claims, and the batch's total.
        var csv = await client.GetStringAsync(new Uri($"/finance/batches/{batchId}/export", UriKind.Relative));
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')).ToList();
        var claimsInFile = rows.SelectMany(r => r[5].Split(' ')).ToList();
        Assert.Equal(expected.Keys.Select(FinanceText.ClaimReference).Order(), claimsInFile.Order());
        foreach (var row in rows)
        {
            var owed = row[5].Split(' ').Select(r => expected.Single(e => FinanceText.ClaimReference(e.Key) == r).Value).Aggregate(Money.Zero, (sum, amount) => sum + amount);
            Assert.Equal(FinanceText.PlainPounds(owed), row[4]);
        }
        Assert.Equal(total.Pence, rows.Sum(r => (long)Math.Round(decimal.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture) * 100)));
    }

    [Fact]
    public async Task FinanceClaimPage_RecordsItsViewInOneCommand()
    {
        var claims = await ClaimsAsync(1, approve: true);
        var client = await portal.ClientForAsync(Roles.FinanceOfficer);

        var sql = await client.RecordCommandsAsync($"/finance/claims/{claims[0]}");

        AssertViewsRecordedInOneCommand(sql);
    }
}
