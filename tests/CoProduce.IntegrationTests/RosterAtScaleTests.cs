using System.Diagnostics;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoProduce.IntegrationTests;

/// <summary>
/// A council's roster can grow to thousands of people. Searching it filters, sorts and pages in
/// the database: one count and one page, never every profile loaded to look through. This
/// class has a database of its own, with 10,000 more people on the roster.
/// </summary>
public sealed class RosterAtScaleTests(PortalFixture portal, ITestOutputHelper output) : IClassFixture<PortalFixture>
{
    private const int People = 10_000;

    /// <summary>
    /// 10,000 consenting people in three statements. Person n has lived experience of caring
    /// when n is even, needs easy read when n is a multiple of 3, is free on Mondays when n is a
    /// multiple of 5, and attended a workshop 30 days ago when n is a multiple of 10.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        if (await db.ExpertProfiles.AnyAsync(p => p.PreferredName == "Scale 00001"))
        {
            return;
        }
        var projectId = await db.CommissioningProjects.Select(p => p.Id).FirstAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {People})
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedUtc", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            SELECT 'scale-' || i, 'Scale ' || i, '2026-11-01 09:00:00', 0, 0, 0, 1, 0 FROM n;

            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {People})
            INSERT INTO "ExpertProfiles" ("UserId", "PreferredName", "ContactEmail", "PreferredContact", "LivedExperience", "AccessNeeds",
                "AvailableDays", "TimesOfDay", "Mode", "CreatedUtc", "UpdatedUtc", "Version")
            SELECT 'scale-' || i, 'Scale ' || printf('%05d', i), 'scale' || i || '@example.org', 'Email',
                CASE WHEN i % 2 = 0 THEN ',Carer,MentalHealth,' ELSE ',Autism,' END,
                CASE WHEN i % 3 = 0 THEN ',EasyRead,' ELSE ',,' END,
                CASE WHEN i % 5 = 0 THEN ',Monday,' ELSE ',Tuesday,' END,
                ',Morning,', CASE WHEN i % 4 = 0 THEN 'Online' ELSE 'Either' END,
                '2026-11-01 09:00:00', '2026-11-01 09:00:00', lower(hex(randomblob(16)))
            FROM n;

            INSERT INTO "ConsentEvents" ("ExpertProfileId", "Number", "Change", "PrivacyNoticeVersion", "AtUtc")
            SELECT "Id", 1, 'Given', '2026-11', '2026-11-01 09:00:00' FROM "ExpertProfiles" WHERE "UserId" LIKE 'scale-%';

            INSERT INTO "Activities" ("ProjectId", "Title", "Type", "Description", "Date", "StartTime", "EndTime", "SignUpClosesOn", "Mode",
                "Places", "ConfirmedCount", "LivedExperienceSought", "Rung", "IsPaid", "Status", "CreatedByUserId", "CreatedUtc", "UpdatedUtc", "Version", "InviteSequence")
            VALUES ({projectId}, 'Scale workshop', 'Workshop', 'A workshop.', {day}, '10:00:00', '12:00:00', {day}, 'Online',
                {People}, {People / 10}, ',,', 'CoProduction', 1, 'Completed', 'system', '2026-11-01 09:00:00', '2026-11-01 09:00:00', lower(hex(randomblob(16))), 0);

            INSERT INTO "SignUps" ("ActivityId", "ExpertProfileId", "WhatWouldHelp", "Status", "Attendance", "ActivityMinutes", "RequestedUtc", "UpdatedUtc")
            SELECT (SELECT max("Id") FROM "Activities" WHERE "Title" = 'Scale workshop'), p."Id", '', 'Confirmed', 'Attended', 120, '2026-11-01 09:00:00', '2026-11-01 09:00:00'
            FROM "ExpertProfiles" p WHERE p."UserId" LIKE 'scale-%' AND CAST(substr(p."UserId", 7) AS INTEGER) % 10 = 0;
            """);
        // Rows written straight to the database, past the context that keeps each person's last day of taking part: filled as the migration does.
        await db.Database.ExecuteSqlRawAsync(LastTookPart.FillAllSql);
        await transaction.CommitAsync();
    }

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();

    [Theory]
    [InlineData("/roster", 10_003)]
    [InlineData("/roster?area=Carer&page=2", 5_001)]
    [InlineData("/roster?area=Carer&need=EasyRead&day=Monday&mode=Online&page=3", 333)]
    [InlineData("/roster?area=Carer&notRecent=true&page=50", 4_000)]
    [InlineData("/roster?page=9999", 10_003)]
    public async Task Search_OverTenThousandPeople_ReturnsItsPageInFourCommands(string url, int matches)
    {
        var timer = Stopwatch.StartNew();
        await SeedAsync();
        output.WriteLine($"Seeded in {timer.ElapsedMilliseconds} ms");
        var client = await portal.ClientForAsync(Roles.Commissioner);
        await client.GetPageAsync("/roster"); // warm up

        timer.Restart();
        var sql = await client.RecordCommandsAsync(url);
        output.WriteLine($"{url}: {sql.Count} commands in {timer.ElapsedMilliseconds} ms\n\n{string.Join("\n\n", sql)}");
        var page = await client.GetPageAsync(url);

        // One look-up of the signed-in account, one count, one page, and one insert recording whose
        // lived experience and access needs the page showed (it reads only the ids on the page).
        Assert.InRange(sql.Count, 1, 4);
        var recorded = Assert.Single(sql, s => s.StartsWith("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        Assert.Contains("\"Id\" IN (", recorded, StringComparison.Ordinal);
        Assert.All(sql.Where(s => s.Contains("\"ExpertProfiles\"", StringComparison.Ordinal) && s != recorded),
            s => Assert.True(s.Contains("COUNT(*)", StringComparison.Ordinal) || s.Contains("LIMIT", StringComparison.Ordinal), "Profiles read without a limit:\n" + s));
        Assert.StartsWith($"{matches:N0} people,", page.QuerySelector("main [role=status]")!.TextContent.Trim(), StringComparison.Ordinal);
        var names = Names(page);
        Assert.InRange(names.Count, 1, 20);
        var pagination = page.QuerySelector("nav.govuk-pagination[aria-label='Pages of the roster']");
        Assert.NotNull(pagination);
        Assert.NotNull(pagination.QuerySelector("[aria-current=page]"));
    }

    [Fact]
    public async Task Search_OrdersThoseWhoTookPartLeastRecentlyFirst_ThenByName()
    {
        await SeedAsync();
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var first = Names(await client.GetPageAsync("/roster?area=Autism"));
        var last = await client.GetPageAsync("/roster?area=Carer&page=9999");

        // Nobody with autism has taken part but Maya (in the demo's past activities): by name, 00001,
        // 00003…, and Maya after all of them.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Scale {(2 * i) + 1:D5}"), first);
        // Those who took part come after everyone who never has, the most recent last: of 5,001
        // carers, Jo, who took part in the demo's activity 5 days ago, after those of 30 days ago.
        Assert.Equal(["Jo"], Names(last));
        Assert.DoesNotContain("Not yet", last.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
