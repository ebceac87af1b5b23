using AngleSharp.Html.Dom;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Organising;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Long lists come a page at a time from the database, with GOV.UK pagination whose links keep
/// the filters; the project picker offers a bounded number of projects. This class has a
/// database of its own, as it adds many activities and projects.
/// </summary>
public sealed class ListPagingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    /// <summary>Open online activities, one a day from <paramref name="inDays"/> days' time.</summary>
    private Task<List<int>> OpenActivitiesAsync(string title, int count, int inDays) => WithDbAsync(async db =>
    {
        var project = await db.CommissioningProjects.OrderBy(p => p.Id).Select(p => new { p.Id, p.OwnerId }).FirstAsync();
        var activities = Enumerable.Range(0, count).Select(i =>
        {
            var date = Today.AddDays(inDays + i);
            var activity = new Activity(project.Id, $"{title} {i:D2}", ActivityType.Workshop, "A workshop.",
                new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
                new ActivityPlace(ActivityMode.Online, null, null, null), 5, [LivedExperienceArea.Carer], LadderRung.CoProduction,
                isPaid: true, project.OwnerId, DateTime.UtcNow);
            activity.MoveTo(ActivityStatus.Open, DateTime.UtcNow);
            return activity;
        }).ToList();
        db.Activities.AddRange(activities);
        await db.SaveChangesAsync();
        return activities.Select(a => a.Id).ToList();
    });

    private static List<string> Titles(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(a => a.TextContent.Trim()).ToList();

    private static string Status(IHtmlDocument page) => page.QuerySelector("main [role=status]")!.TextContent.Trim();

    private static string? NextLink(IHtmlDocument page, string label) =>
        page.QuerySelector($"nav.govuk-pagination[aria-label='{label}'] a[rel=next]")?.GetAttribute("href");

    [Fact]
    public async Task FindActivities_MoreThanAPage_PagedWithLinksThatKeepTheFilters()
    {
        await OpenActivitiesAsync("Far ahead", 23, inDays: 400);
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);
        var from = Today.AddDays(400);

        var first = await client.GetPageAsync($"/activities?Experience=mine&Mode=Online&From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}");
        var next = NextLink(first, "Pages of activities");
        var second = await client.GetPageAsync(next!);

        Assert.Equal("23 activities, page 1 of 2", Status(first));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Far ahead {i:D2}"), Titles(first, ".app-activity h2 a"));
        Assert.Equal($"/activities?Experience=mine&Mode=Online&From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&page=2", next);
        Assert.Equal(["Far ahead 20", "Far ahead 21", "Far ahead 22"], Titles(second, ".app-activity h2 a"));
        Assert.Equal("23 activities, page 2 of 2", Status(second));
        Assert.Null(NextLink(second, "Pages of activities"));
        Assert.NotNull(second.QuerySelector("nav.govuk-pagination a[aria-current=page][aria-label='Page 2']"));
    }

    [Fact]
    public async Task ManageActivities_EveryActivityOnExactlyOnePage_ComingUpFirst()
    {
        await OpenActivitiesAsync("Planned", 30, inDays: 100);
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var expected = await WithDbAsync(db => db.Activities
            .OrderBy(a => a.Status == ActivityStatus.Completed || a.Status == ActivityStatus.Cancelled).ThenBy(a => a.Date).ThenBy(a => a.Id)
            .Select(a => a.Id).ToListAsync());

        var seen = new List<int>();
        var pages = 0;
        for (var url = "/manage/activities"; url is not null; pages++)
        {
            var page = await client.GetPageAsync(url);
            var ids = page.QuerySelectorAll("main tbody th a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.InRange(ids.Count, 1, ActivityListPage.PageSize);
            seen.AddRange(ids);
            url = NextLink(page, "Pages of activities");
        }

        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + ActivityListPage.PageSize - 1) / ActivityListPage.PageSize, pages);
    }

    [Fact]
    public async Task NewActivity_ManyProjects_OffersTheMostRecentlyChangedAndTheChosenOne()
    {
        var oldest = await WithDbAsync(db => db.CommissioningProjects.OrderBy(p => p.UpdatedUtc).Select(p => new { p.Id, p.Title }).FirstAsync());
        await WithDbAsync(async db =>
        {
            var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
            var owner = await db.Users.Where(u => u.Email == "commissioner@example.org").Select(u => u.Id).SingleAsync();
            for (var i = 0; i < ActivityPages.ProjectChoices + 5; i++)
            {
                var project = new CommissioningProject($"Recent project {i:D2}", "Adult social care", "Summary", owner, Money.FromPounds(10_000m), false, DateTime.UtcNow.AddMinutes(i));
                project.Assess(rules);
                db.CommissioningProjects.Add(project);
            }
            return await db.SaveChangesAsync();
        });
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var plain = await client.GetPageAsync("/manage/activities/new");
        var fromOldProject = await client.GetPageAsync($"/manage/activities/new?projectId={oldest.Id}");

        var offered = Titles(plain, "select#ProjectId option").Skip(1).ToList();
        Assert.Equal(ActivityPages.ProjectChoices, offered.Count);
        Assert.DoesNotContain(oldest.Title, offered);
        Assert.Contains("Recent project 54", offered);
        Assert.DoesNotContain("Recent project 04", offered); // the 51st most recent
        Assert.Contains("50 projects changed most recently", plain.QuerySelector("#ProjectId-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(oldest.Title, fromOldProject.QuerySelector("select#ProjectId option[selected]")!.TextContent.Trim());
        Assert.Equal(ActivityPages.ProjectChoices + 2, fromOldProject.QuerySelectorAll("select#ProjectId option").Length);
    }

    [Fact]
    public async Task ExceptionsQueue_EveryRequestOnExactlyOnePage_WaitingFirst_CountedInFull()
    {
        // More requests waiting than a page holds, and some decided.
        await WithDbAsync(async db =>
        {
            var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
            var owner = await db.Users.Where(u => u.Email == "commissioner@example.org").Select(u => u.Id).SingleAsync();
            var lead = await db.Users.Where(u => u.Email == "lead@example.org").Select(u => u.Id).SingleAsync();
            for (var i = 0; i < Web.Features.Exceptions.ExceptionQueuePage.PageSize + 10; i++)
            {
                var project = new CommissioningProject($"Excused project {i:D2}", "Adult social care", "Summary", owner, Money.FromPounds(100_000m), true, DateTime.UtcNow);
                project.Assess(rules);
                var asked = project.RequestException("R2", "Done last year", owner, DateTime.UtcNow);
                db.CommissioningProjects.Add(project);
                if (i % 6 == 0)
                {
                    await db.SaveChangesAsync();
                    asked.Decide(ExceptionDecision.Approved, "Agreed", lead, deciderIsCoProductionLead: true, DateTime.UtcNow);
                }
            }
            return await db.SaveChangesAsync();
        });
        var expected = await WithDbAsync(db => db.ExceptionRequests.OrderBy(x => x.Decision == null ? 0 : 1).ThenByDescending(x => x.Id).Select(x => x.Id).ToListAsync());
        var waiting = await WithDbAsync(db => db.ExceptionRequests.CountAsync(x => x.Decision == null));
        Assert.True(waiting > Web.Features.Exceptions.ExceptionQueuePage.PageSize);
        var client = await portal.ClientForAsync(Roles.CoProductionLead);

        var seen = new List<int>();
        var pages = new List<IHtmlDocument>();
        for (var url = "/exceptions"; url is not null; url = NextLink(pages[^1], "Pages of exceptions"))
        {
            var page = await client.GetPageAsync(url);
            var ids = page.QuerySelectorAll("main li > a[href^='/exceptions/']")
                .Select(a => int.Parse(a.GetAttribute("href")!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.InRange(ids.Count, 1, Web.Features.Exceptions.ExceptionQueuePage.PageSize);
            seen.AddRange(ids);
            pages.Add(page);
        }

        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + Web.Features.Exceptions.ExceptionQueuePage.PageSize - 1) / Web.Features.Exceptions.ExceptionQueuePage.PageSize, pages.Count);
        // Every page says how many wait in all, not how many it shows.
        Assert.All(pages, page => Assert.Equal($"Waiting for a decision ({waiting:N0})", page.QuerySelector("main h2")!.TextContent.Trim()));
        Assert.StartsWith($"{expected.Count:N0} requests, page 1 of {pages.Count}", Status(pages[0]), StringComparison.Ordinal);
    }
}
