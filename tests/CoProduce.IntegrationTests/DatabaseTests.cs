using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

public sealed class DatabaseTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static SqlServerCoProduceDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerCoProduceDbContext>().UseSqlServer("Server=not-used;Database=CoProduce").Options);

    [Fact]
    public async Task Sqlite_StartUp_AppliesEveryMigration()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();

        Assert.IsType<SqliteCoProduceDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Sqlite_Model_HasNoChangesMissingAMigration()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration for SQLite: see the README.");
    }

    [Fact]
    public void SqlServer_Model_HasNoChangesMissingAMigration()
    {
        using var db = SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration for SQL Server: see the README.");
    }

    /// <summary>SQL Server cannot run here, so its idempotent script is generated and checked, and kept as an artifact.</summary>
    [Fact]
    public void SqlServer_IdempotentScript_CreatesEveryTable()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        File.WriteAllText(Path.Combine(TestArtifacts.Folder("sql"), "sqlserver-migrations.sql"), script);

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("decimal(18,2)", script, StringComparison.Ordinal);
        // Statements that read a column a migration drops run through EXEC, so that the script
        // still compiles on a database where they have run and the column is gone.
        Assert.Contains("EXEC(N'INSERT INTO [ConsentEvents]", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\n    INSERT INTO [ConsentEvents]", script, StringComparison.Ordinal);
        // Money is whole pence; the statements that convert it compile even where they have run.
        Assert.Contains("ADD [EstimatedValuePence] bigint NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("EXEC(N'UPDATE [CommissioningProjects] SET [EstimatedValuePence] = CAST([EstimatedValue] * 100 AS bigint)')", script, StringComparison.Ordinal);
        // Hours became minutes: the statement that reads the dropped [Hours] column is in EXEC too.
        Assert.Contains("EXEC(N'UPDATE [SignUps] SET [ActivityMinutes] = CAST(ROUND([Hours] * 60, 0) AS int)", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\n    UPDATE [SignUps] SET [ActivityMinutes]", script, StringComparison.Ordinal);
    }

    /// <summary>
    /// Consent used to be three columns on the profile. The migration to a consent history turns
    /// them into events, and going back puts the latest consent back into the columns.
    /// </summary>
    [Fact]
    public async Task Sqlite_ConsentHistoryMigration_MovesConsentIntoEventsAndBack()
    {
        const string before = "20261122232825_ProfileVersionAndEvidenceRecorded";
        var path = Path.Combine(Path.GetTempPath(), "coproduce-tests", $"consent-migration-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<SqliteCoProduceDbContext>().UseSqlite($"Data Source={path}").Options;
        try
        {
            await using (var db = new SqliteCoProduceDbContext(options))
            {
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync(before);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedUtc", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                    VALUES ('u1', 'Agreed', '2026-11-01 09:00:00', 0, 0, 0, 1, 0), ('u2', 'Withdrew', '2026-11-01 09:00:00', 0, 0, 0, 1, 0),
                           ('u3', 'Never', '2026-11-01 09:00:00', 0, 0, 0, 1, 0), ('u4', 'Deleted', '2026-11-01 09:00:00', 0, 0, 0, 1, 0);
                    INSERT INTO "ExpertProfiles" ("Id", "UserId", "PreferredName", "PreferredContact", "LivedExperience", "AccessNeeds", "AvailableDays", "TimesOfDay", "Mode",
                        "ConsentGivenUtc", "ConsentNoticeVersion", "ConsentWithdrawnUtc", "AnonymisedUtc", "CreatedUtc", "UpdatedUtc", "Version")
                    VALUES (1, 'u1', 'Agreed', 'Email', ',', ',', ',', ',', 'Either', '2026-11-20 09:30:00', '2026-11', NULL, NULL, '2026-11-01 09:00:00', '2026-11-01 09:00:00', '11111111-1111-1111-1111-111111111111'),
                           (2, 'u2', 'Withdrew', 'Email', ',', ',', ',', ',', 'Either', '2026-11-20 09:30:00', '2026-10', '2026-11-21 16:45:00', NULL, '2026-11-01 09:00:00', '2026-11-01 09:00:00', '22222222-2222-2222-2222-222222222222'),
                           (3, 'u3', 'Never', 'Email', ',', ',', ',', ',', 'Either', NULL, NULL, NULL, NULL, '2026-11-01 09:00:00', '2026-11-01 09:00:00', '33333333-3333-3333-3333-333333333333'),
                           (4, 'u4', 'Deleted person', 'Email', ',', ',', ',', ',', 'Either', NULL, NULL, '2026-11-22 08:00:00', '2026-11-22 08:00:00', '2026-11-01 09:00:00', '2026-11-01 09:00:00', '44444444-4444-4444-4444-444444444444');
                    """);

                await migrator.MigrateAsync();
            }

            await using (var db = new SqliteCoProduceDbContext(options))
            {
                var profiles = await db.ExpertProfiles.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
                static string History(ExpertProfile p) =>
                    string.Join("; ", p.ConsentHistory.Select(e => $"{e.Number} {e.Change} {e.PrivacyNoticeVersion} {e.AtUtc:yyyy-MM-dd HH:mm} {e.AtUtc.Kind}"));
                Assert.Equal(
                [
                    "1 Given 2026-11 2026-11-20 09:30 Utc",
                    "1 Given 2026-10 2026-11-20 09:30 Utc; 2 Withdrawn  2026-11-21 16:45 Utc",
                    "",
                    "", // a withdrawal with no consent before it records nothing, as the rules do now
                ], profiles.Select(History));
                Assert.Equal([true, false, false, false], profiles.Select(p => p.HasConsent));

                await db.GetService<IMigrator>().MigrateAsync(before);

                var columns = await db.Database.SqlQueryRaw<string>("""
                    SELECT COALESCE("ConsentGivenUtc", '-') || ' ' || COALESCE("ConsentNoticeVersion", '-') || ' ' || COALESCE("ConsentWithdrawnUtc", '-') AS "Value"
                    FROM "ExpertProfiles" ORDER BY "Id"
                    """).ToListAsync();
                Assert.Equal(
                [
                    "2026-11-20 09:30:00 2026-11 -",
                    "2026-11-20 09:30:00 2026-10 2026-11-21 16:45:00",
                    "- - -",
                    "- - -",
                ], columns);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>
    /// Money used to be pounds in a decimal (text, on SQLite). The migration to whole pence turns
    /// each value and each rule set's band limits into pence exactly, and going back turns them
    /// into pounds again.
    /// </summary>
    [Fact]
    public async Task Sqlite_MoneyAsWholePenceMigration_TurnsPoundsIntoPenceAndBack()
    {
        const string before = "20261130065858_FormSubmissions";
        var path = Path.Combine(Path.GetTempPath(), "coproduce-tests", $"money-migration-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<SqliteCoProduceDbContext>().UseSqlite($"Data Source={path}").Options;
        string[] pounds = ["0.0", "0.01", "50000.01", "650000.0", "1250.5", "100000000000.0", "7"];
        try
        {
            await using (var db = new SqliteCoProduceDbContext(options))
            {
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync(before);
                const string bandsInPounds = """[{"tier":1,"upperBound":50000.010},{"tier":2,"upperBound":200000.5},{"tier":3,"upperBound":null}]""";
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedUtc", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                    VALUES ('u1', 'Owner', '2026-11-01 09:00:00', 0, 0, 0, 1, 0);
                    INSERT INTO "TierRuleSets" ("Id", "Version", "EffectiveFromUtc", "PublishedByUserId", "ChangeNote", "Bands", "Requirements")
                    VALUES (2, 2, '2026-11-01 09:00:00', 'u1', 'Two limits', {bandsInPounds}, '[]');
                    """);
                for (var i = 0; i < pounds.Length; i++)
                {
                    await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO "CommissioningProjects" ("Id", "Title", "ServiceArea", "Summary", "OwnerId", "EstimatedValue", "IsKeyDecision", "Stage",
                            "RuleSetId", "RuleSetVersion", "Tier", "TierReason", "CreatedUtc", "UpdatedUtc", "Version")
                        VALUES ({i + 1}, 'Project', 'Area', 'Summary', 'u1', {pounds[i]}, 0, 'Analyse', 1, 1, 1, 'Reason',
                            '2026-11-01 09:00:00', '2026-11-01 09:00:00', '11111111-1111-1111-1111-111111111111')
                        """);
                }

                await migrator.MigrateAsync();
            }

            await using (var db = new SqliteCoProduceDbContext(options))
            {
                var values = await db.CommissioningProjects.AsNoTracking().OrderBy(p => p.Id).Select(p => p.EstimatedValue).ToListAsync();
                Assert.Equal([0L, 1L, 5_000_001L, 65_000_000L, 125_050L, 10_000_000_000_000L, 700L], values.Select(v => v.Pence));
                Assert.Equal(["integer"], await db.Database.SqlQueryRaw<string>("""SELECT DISTINCT typeof("EstimatedValuePence") AS "Value" FROM "CommissioningProjects" """).ToListAsync());

                var rules = await db.TierRuleSets.AsNoTracking().OrderBy(r => r.Version).ToListAsync();
                Assert.Equal(PlymouthRules.UpperBounds, rules[0].UpperBounds);
                Assert.Equal([(1, (long?)5_000_001), (2, 20_000_050), (3, null)], rules[1].Bands.Select(b => (b.Tier, b.UpperBound?.Pence)));

                await db.GetService<IMigrator>().MigrateAsync(before);

                var text = await db.Database.SqlQueryRaw<string>("""SELECT "EstimatedValue" AS "Value" FROM "CommissioningProjects" ORDER BY "Id" """).ToListAsync();
                Assert.Equal(pounds.Select(decimal.Parse), text.Select(decimal.Parse));
                var bands = await db.Database.SqlQueryRaw<string>("""SELECT "Bands" AS "Value" FROM "TierRuleSets" ORDER BY "Version" """).ToListAsync();
                Assert.Equal([50_000m, 200_000m, 500_000m, 3_000_000m, null], UpperBoundsInPounds(bands[0]));
                Assert.Equal([50_000.01m, 200_000.50m, null], UpperBoundsInPounds(bands[1]));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }

        static decimal?[] UpperBoundsInPounds(string json) =>
            [.. System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray()
                .Select(b => b.GetProperty("upperBound") is { ValueKind: System.Text.Json.JsonValueKind.Number } bound ? bound.GetDecimal() : (decimal?)null)];
    }

    /// <summary>
    /// Attendance used to keep one figure of hours (with any preparation and travel in it). Going
    /// back to it adds the three parts up; coming forward again makes that figure the minutes of
    /// the activity, exactly (nothing says how it was made up).
    /// </summary>
    [Fact]
    public async Task Sqlite_AttendanceMinutesMigration_TurnsMinutesIntoHoursAndBack()
    {
        const string before = "20261130091559_EvidenceActivity";
        var path = Path.Combine(Path.GetTempPath(), "coproduce-tests", $"minutes-migration-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<SqliteCoProduceDbContext>().UseSqlite($"Data Source={path}").Options;
        (int Activity, int Preparation, int Travel)[] times = [(120, 30, 15), (80, 0, 0), (15, 0, 0)];
        try
        {
            await using (var db = new SqliteCoProduceDbContext(options))
            {
                await db.Database.MigrateAsync();
                var now = DateTime.UtcNow;
                var user = new CoProduceUser { UserName = "u@example.org", Email = "u@example.org", DisplayName = "U" };
                db.Users.Add(user);
                var project = new CommissioningProject("Project", "Area", "Summary", user.Id, Money.FromPounds(1000m), false, now);
                project.Assess(await db.TierRuleSets.FirstAsync());
                db.CommissioningProjects.Add(project);
                var accounts = times.Select((_, i) => new CoProduceUser { UserName = $"p{i}@example.org", Email = $"p{i}@example.org", DisplayName = $"Person {i}" }).ToList();
                db.Users.AddRange(accounts);
                var people = accounts.Select(a => new ExpertProfile(a.Id, a.DisplayName, a.Email!, now)).ToList();
                people.ForEach(p => p.GiveConsent("2026-11", now));
                db.ExpertProfiles.AddRange(people);
                await db.SaveChangesAsync();
                var date = DateOnly.FromDateTime(now).AddDays(3);
                var activity = new Web.Domain.Activities.Activity(project.Id, "Workshop", Web.Domain.Activities.ActivityType.Workshop, "About it.",
                    new Web.Domain.Activities.ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date),
                    new Web.Domain.Activities.ActivityPlace(Web.Domain.Activities.ActivityMode.Online, null, null, "Link"), 5, [],
                    Web.Domain.Activities.LadderRung.CoDesign, true, user.Id, now);
                activity.MoveTo(Web.Domain.Activities.ActivityStatus.Open, now);
                var signUps = people.Select(p => activity.RequestPlace(p.Id, true, string.Empty, now)).ToList();
                db.Activities.Add(activity);
                await db.SaveChangesAsync();
                var onTheDay = UkTime.ToUtc(date, new TimeOnly(12, 0));
                for (var i = 0; i < times.Length; i++)
                {
                    activity.Confirm(signUps[i].Id, true, null, now);
                    activity.RecordAttendance(signUps[i].Id, Web.Domain.Activities.Attendance.Attended,
                        new Web.Domain.Activities.TimeGiven(times[i].Activity, times[i].Preparation, times[i].Travel), new(null, null, null), user.Id, onTheDay);
                }
                await db.SaveChangesAsync();

                await db.GetService<IMigrator>().MigrateAsync(before);

                var hours = await db.Database.SqlQueryRaw<string>("""SELECT CAST("Hours" AS TEXT) AS "Value" FROM "SignUps" ORDER BY "Id" """).ToListAsync();
                Assert.Equal([2.75m, 1.33m, 0.25m], hours.Select(h => decimal.Parse(h, System.Globalization.CultureInfo.InvariantCulture)));

                await db.GetService<IMigrator>().MigrateAsync();
            }

            await using (var db = new SqliteCoProduceDbContext(options))
            {
                var saved = await db.SignUps.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.ActivityMinutes, s.PreparationMinutes, s.TravelMinutes }).ToListAsync();
                Assert.Equal([(165, 0, 0), (80, 0, 0), (15, 0, 0)], saved.Select(s => (s.ActivityMinutes!.Value, s.PreparationMinutes!.Value, s.TravelMinutes!.Value)));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>
    /// Audit entries written before entries named their subject: one with a project becomes about
    /// that project, and a rule-set entry about the rule set in force when it was written.
    /// </summary>
    [Fact]
    public async Task Sqlite_AuditSubjectsMigration_GivesOldEntriesTheirSubject()
    {
        const string before = "20261130073959_ReminderDateAndInviteSequence";
        var path = Path.Combine(Path.GetTempPath(), "coproduce-tests", $"audit-migration-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<SqliteCoProduceDbContext>().UseSqlite($"Data Source={path}").Options;
        try
        {
            await using (var db = new SqliteCoProduceDbContext(options))
            {
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync(before);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedUtc", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                    VALUES ('u1', 'Owner', '2026-11-01 09:00:00', 0, 0, 0, 1, 0);
                    INSERT INTO "TierRuleSets" ("Id", "Version", "EffectiveFromUtc", "PublishedByUserId", "ChangeNote", "Bands", "Requirements")
                    VALUES (2, 2, '2026-11-01 09:00:00', 'u1', 'Second', '[]', '[]');
                    INSERT INTO "AuditEntries" ("ProjectId", "Action", "Summary", "ByUserId", "AtUtc") VALUES
                        (7, 'StageMoved', 'Moved', 'u1', '2026-11-02 10:00:00'),
                        (NULL, 'RuleSetPublished', 'Version 2', 'u1', '2026-11-01 09:00:00'),
                        (NULL, 'RuleSetPublished', 'Before version 2', 'u1', '2026-10-01 09:00:00');
                    """);
                await migrator.MigrateAsync();
            }

            await using (var db = new SqliteCoProduceDbContext(options))
            {
                var subjects = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.SubjectType, a.SubjectId }).ToListAsync();
                Assert.Equal(
                    [(AuditSubjectType.Project, "7"), (AuditSubjectType.RuleSet, "2"), (AuditSubjectType.RuleSet, "1")],
                    subjects.Select(s => (s.SubjectType, s.SubjectId)));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ConcurrentEdits_SecondSaveFromStaleCopy_IsRefused()
    {
        await using var first = portal.Services.CreateAsyncScope();
        await using var second = portal.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var id = await db1.CommissioningProjects.Select(p => p.Id).FirstAsync();
        var copy1 = await db1.CommissioningProjects.SingleAsync(p => p.Id == id);
        var copy2 = await db2.CommissioningProjects.SingleAsync(p => p.Id == id);

        copy1.Rename("Renamed first", DateTime.UtcNow);
        await db1.SaveChangesAsync();
        copy2.Rename("Renamed second", DateTime.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
    }

    [Fact]
    public async Task DemoData_IsSeededOnceWithEveryRole()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<CoProduce.Web.Data.Seeding.DemoDataSeeder>();
        var before = await db.Users.CountAsync();

        await seeder.SeedAsync();

        Assert.Equal(before, await db.Users.CountAsync());
        Assert.True(await db.CommissioningProjects.CountAsync() >= 4);
        var roleNames = await db.Roles.Select(r => r.Name).ToListAsync();
        Assert.Equal(CoProduce.Web.Infrastructure.Security.Roles.All.Order(), roleNames.Order());
        Assert.All(await db.CommissioningProjects.ToListAsync(), p => Assert.Equal(DateTimeKind.Utc, p.CreatedUtc.Kind));
    }

    [Fact]
    public async Task StartUp_WithoutDemoData_StillCreatesRolesSoPeopleCanRegister()
    {
        using var app = new CoProduceAppFactory { SeedDemoData = false };
        using var client = app.CreatePortalClient();

        var response = await client.RegisterAsync(app, "First Person", "first.person@example.org", "a long enough password");

        Assert.Equal("/profile", response.Location());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(0, await db.CommissioningProjects.CountAsync());
        Assert.Equal(1, await db.ExpertProfiles.CountAsync());
    }
}
