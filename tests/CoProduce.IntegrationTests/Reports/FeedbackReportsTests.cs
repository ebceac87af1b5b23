using CoProduce.IntegrationTests.Payments;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static CoProduce.IntegrationTests.Reports.ReportAssertions;

namespace CoProduce.IntegrationTests.Reports;

/// <summary>The 7 Keys and "you said, we did" reports, on a portal without the demo data. Each test uses a financial year of its own.</summary>
public sealed class FeedbackReportsTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
{
    private static readonly DateTime Now = PaymentsWorld.Now;

    private static Task<int> ProjectAsync(PaymentsWorld world, string title, string ownerId) => world.WithDbAsync(async db =>
    {
        var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
        var project = new CommissioningProject(title, "Adult social care", "Summary", ownerId, Money.FromPounds(10_000m), false, Now);
        project.Assess(rules);
        db.CommissioningProjects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    });

    private static Task<int> ActivityAsync(PaymentsWorld world, int projectId, DateOnly date, string title, string ownerId, SevenKeys keys = SevenKeys.None) => world.WithDbAsync(async db =>
    {
        var activity = new Activity(projectId, title, ActivityType.Workshop, "A workshop.",
            new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
            new ActivityPlace(ActivityMode.Online, null, null, null), 5, [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: true, ownerId, Now);
        activity.TagWithKeys(keys, Now);
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    });

    private static Task FeedbackAsync(PaymentsWorld world, int activityId, int projectId, string ownerId, params (FeedbackKind Kind, SevenKeys Keys)[] items) => world.WithDbAsync(async db =>
    {
        db.FeedbackItems.AddRange(items.Select(i => new FeedbackItem(activityId, projectId, i.Kind, "Something people said", i.Keys, null, false, ownerId, Now)));
        await db.SaveChangesAsync();
    });

    private static Task PublishedAsync(PaymentsWorld world, int projectId, string byUserId, DateTime whenUtc) => world.WithDbAsync(async db =>
    {
        db.YouSaidWeDidPublications.Add(new YouSaidWeDidPublication(projectId, 1, false, null, byUserId, whenUtc));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task SevenKeys_CountsEachKeyByQuestion_WithABitwiseTestInSql()
    {
        var (world, lead, _) = await LeadAsync(portal);
        var owner = await world.StaffAsync("Cam Commissioner", Roles.Commissioner);
        var project = await ProjectAsync(world, "Keys project", owner.UserId);
        var tagged = await ActivityAsync(world, project, new DateOnly(2024, 6, 1), "Tagged workshop", owner.UserId, SevenKeys.Home | SevenKeys.Help);
        var untagged = await ActivityAsync(world, project, new DateOnly(2024, 7, 1), "Untagged workshop", owner.UserId);
        var earlier = await ActivityAsync(world, project, new DateOnly(2023, 6, 1), "Earlier workshop", owner.UserId, SevenKeys.Love);
        await FeedbackAsync(world, tagged, project, owner.UserId,
            (FeedbackKind.Working, SevenKeys.Home), (FeedbackKind.NotWorking, SevenKeys.Home | SevenKeys.Money), (FeedbackKind.ImportantForFuture, SevenKeys.None));
        await FeedbackAsync(world, untagged, project, owner.UserId, (FeedbackKind.Working, SevenKeys.Love | SevenKeys.Home | SevenKeys.Meaning));
        await FeedbackAsync(world, earlier, project, owner.UserId, (FeedbackKind.Working, SevenKeys.Love));

        var page = await lead.GetPageAsync("/reports/seven-keys?year=2024");
        var rows = TableRows(page, "seven-keys-table");
        Assert.Equal(["Key", "Activities tagged", "Feedback items", "What is working", "What is not working", "What is important for the future"], rows[0]);
        Assert.Equal(
        [
            ["Love", "0", "1", "1", "0", "0"],
            ["Freedom", "0", "0", "0", "0", "0"],
            ["Home", "1", "3", "2", "1", "0"],
            ["Money", "0", "1", "0", "1", "0"],
            ["Help", "1", "0", "0", "0", "0"],
            ["Life", "0", "0", "0", "0", "0"],
            ["Meaning", "0", "1", "1", "0", "0"],
            ["No key", "1", "1", "0", "0", "1"],
            ["All (an item can carry several keys)", "2", "4", "2", "1", "1"],
        ], rows.Skip(1).ToList());
        SameFigures(rows, await CsvRowsAsync(lead, "/reports/seven-keys.csv?year=2024"));
        var chart = ChartText(page, "seven-keys-chart");
        Assert.Contains("4 feedback items in all; 1 with no key. The key most talked about was Home, with 3.", chart, StringComparison.Ordinal);

        // The year before holds only the earlier workshop.
        Assert.Equal(["Love", "1", "1", "1", "0", "0"], Row(TableRows(await lead.GetPageAsync("/reports/seven-keys?year=2023"), "seven-keys-table"), "Love"));
    }

    [Fact]
    public async Task YouSaidWeDid_DaysToTheFirstPublicationAfterEachActivity_MedianAndLongest()
    {
        var (world, lead, leadStaff) = await LeadAsync(portal);
        var owner = await world.StaffAsync("Cam Commissioner", Roles.Commissioner);
        var alpha = await ProjectAsync(world, "Alpha day services", owner.UserId);
        var beta = await ProjectAsync(world, "Beta housing", owner.UserId);
        var a1 = await ActivityAsync(world, alpha, new DateOnly(2022, 5, 10), "Alpha first workshop", owner.UserId);
        var a2 = await ActivityAsync(world, alpha, new DateOnly(2022, 6, 1), "Alpha second workshop", owner.UserId);
        await ActivityAsync(world, alpha, new DateOnly(2022, 6, 5), "Alpha workshop without feedback", owner.UserId);
        var b1 = await ActivityAsync(world, beta, new DateOnly(2022, 9, 1), "Beta workshop", owner.UserId);
        var b2 = await ActivityAsync(world, beta, new DateOnly(2023, 3, 1), "Beta review", owner.UserId);
        var later = await ActivityAsync(world, alpha, new DateOnly(2023, 5, 1), "Alpha next year", owner.UserId);
        foreach (var (activity, project) in new[] { (a1, alpha), (a2, alpha), (b1, beta), (b2, beta), (later, alpha) })
        {
            await FeedbackAsync(world, activity, project, owner.UserId, (FeedbackKind.Working, SevenKeys.None));
        }
        await PublishedAsync(world, alpha, leadStaff.UserId, new DateTime(2022, 5, 31, 10, 0, 0, DateTimeKind.Utc));
        await PublishedAsync(world, alpha, leadStaff.UserId, new DateTime(2022, 7, 1, 10, 0, 0, DateTimeKind.Utc));
        // Beta published once, on the morning of its March review: the answer to September's workshop too.
        await PublishedAsync(world, beta, leadStaff.UserId, new DateTime(2023, 3, 1, 9, 0, 0, DateTimeKind.Utc));

        var page = await lead.GetPageAsync("/reports/you-said-we-did?year=2022");
        // A table for each project; the CSV holds them all, each row with its project.
        List<string[]> waits = [["Project", .. TableRows(page, $"project-{alpha}-table")[0]],
            .. TableRows(page, $"project-{alpha}-table").Skip(1).Select(r => (string[])["Alpha day services", .. r]),
            .. TableRows(page, $"project-{beta}-table").Skip(1).Select(r => (string[])["Beta housing", .. r])];
        Assert.Equal(
        [
            ["Project", "Activity", "Date", "Published on", "Days"],
            ["Alpha day services", "Alpha first workshop", "10 May 2022", "31 May 2022", "21 days"],
            ["Alpha day services", "Alpha second workshop", "1 June 2022", "1 July 2022", "30 days"],
            ["Beta housing", "Beta workshop", "1 September 2022", "1 March 2023", "181 days"],
            ["Beta housing", "Beta review", "1 March 2023", "1 March 2023", "0 days"],
        ], waits);
        Assert.Equal("25.5 days", page.QuerySelector("#median-wait")!.TextContent.Trim());
        Assert.Equal("181 days", page.QuerySelector("#longest-wait")!.TextContent.Trim());
        Assert.Equal("None", page.QuerySelector("#still-waiting")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#waits-table"));
        SameFigures(waits, await CsvRowsAsync(lead, "/reports/you-said-we-did.csv?year=2022"));
        var chart = ChartText(page, "wait-chart");
        Assert.Contains("4 activities with feedback: 4 answered, 0 still waiting. The median wait was 25.5 days and the longest 181 days.", chart, StringComparison.Ordinal);

        // The next year: Alpha has published nothing since May 2023, so that workshop is still waiting.
        var next = await lead.GetPageAsync("/reports/you-said-we-did?year=2023");
        var soFar = Today.DayNumber - new DateOnly(2023, 5, 1).DayNumber;
        Assert.Equal(["Alpha day services", "Alpha next year", "1 May 2023", "Not yet", $"Not yet: {soFar:N0} days so far"], [.. TableRows(next, $"project-{alpha}-table")[1].Prepend("Alpha day services")]);
        Assert.Equal($"1 activity, the longest for {soFar:N0} days", next.QuerySelector("#still-waiting")!.TextContent.Trim());
        var nextCsv = await CsvRowsAsync(lead, "/reports/you-said-we-did.csv?year=2023");
        Assert.Equal($"Not yet: {soFar:N0} days so far", nextCsv[1][4]);
    }
}
