using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Features.Feedback;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoProduce.IntegrationTests.Feedback;

/// <summary>
/// The feedback and "you said, we did" pages send the same number of SQL commands however many
/// notes, themes and publications there are: measured, then again with ten times as much.
/// </summary>
public sealed class FeedbackQueryCountTests(PortalFixture portal, ITestOutputHelper output) : IClassFixture<PortalFixture>
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private async Task WithDbAsync(Func<CoProduceDbContext, Task> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private async Task AssertCountStaysTheSameAsync(string role, string url, Func<Task> grow, string? pagedTable = null)
    {
        var client = await portal.ClientForAsync(role);
        await client.CountCommandsAsync(url);
        var before = await client.RecordCommandsAsync(url);
        await grow();
        var after = await client.RecordCommandsAsync(url);

        output.WriteLine($"{url}: {before.Count} commands, then {after.Count} with ten times the data");
        Assert.True(before.Count == after.Count, $"{url} sent {before.Count} SQL commands, then {after.Count}:\n\n" + string.Join("\n\n", after));
        if (pagedTable is not null)
        {
            var reads = after.Where(sql => sql.Contains($"FROM \"{pagedTable}\"", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(reads);
            Assert.All(reads, sql => Assert.True(sql.Contains("COUNT(*)", StringComparison.Ordinal) || sql.Contains("LIMIT", StringComparison.Ordinal),
                $"{url} read {pagedTable} without a count or a limit:\n\n{sql}"));
        }
    }

    /// <summary>Themes on the project, each answered and published, with notes from the project's activity in them and some left over.</summary>
    private Task ThemesAsync(FeedbackProject data, int count, bool publish) => WithDbAsync(async db =>
    {
        var themes = Enumerable.Range(0, count).Select(i => new FeedbackTheme(data.ProjectId, $"Theme {i}", "organiser", Now)).ToList();
        db.FeedbackThemes.AddRange(themes);
        await db.SaveChangesAsync();
        foreach (var theme in themes)
        {
            theme.Respond(ResponseKind.WeWillDo, "We will change it.", Today.AddDays(30), Today, Now);
            if (publish)
            {
                theme.Publish(Now);
            }
            var themed = new FeedbackItem(data.ActivityId, data.ProjectId, FeedbackKind.NotWorking, "It is hard.", SevenKeys.Help, data.Attended[0].ProfileId, false, "organiser", Now);
            themed.PutInTheme(theme.Id, Now);
            db.FeedbackItems.AddRange(themed,
                new FeedbackItem(data.ActivityId, data.ProjectId, FeedbackKind.Working, "It works.", SevenKeys.Life, null, false, "organiser", Now));
        }
        if (publish)
        {
            db.YouSaidWeDidPublications.Add(new YouSaidWeDidPublication(data.ProjectId, count, true, Today.AddDays(60), "organiser", Now));
        }
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task FeedbackPage_SameCommands_WithTenTimesTheNotesAndThemes()
    {
        var data = await FeedbackData.CreateAsync(portal, "Query count: feedback page");
        await ThemesAsync(data, 2, publish: true);

        await AssertCountStaysTheSameAsync(Roles.Commissioner, YouSaidWeDidPaths.Feedback(data.ProjectId), () => ThemesAsync(data, 18, publish: true));
    }

    [Fact]
    public async Task ThemePage_SameCommands_WithTenTimesTheNotesAndThemes()
    {
        var data = await FeedbackData.CreateAsync(portal, "Query count: theme page");
        await ThemesAsync(data, 2, publish: false);
        var themeId = 0;
        await WithDbAsync(db =>
        {
            themeId = db.FeedbackThemes.Where(t => t.ProjectId == data.ProjectId).Min(t => t.Id);
            return Task.CompletedTask;
        });

        await AssertCountStaysTheSameAsync(Roles.Commissioner, YouSaidWeDidPaths.Theme(data.ProjectId, themeId), () => WithDbAsync(async db =>
        {
            var theme = await db.FeedbackThemes.FindAsync(themeId);
            for (var i = 0; i < 20; i++)
            {
                var item = new FeedbackItem(data.ActivityId, data.ProjectId, FeedbackKind.ImportantForFuture, $"More {i}", SevenKeys.Home, null, false, "organiser", Now);
                item.PutInTheme(theme!.Id, Now);
                db.FeedbackItems.Add(item);
            }
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task PublicPages_SameCommands_WithTenTimesThePublishedProjectsAndThemes()
    {
        var data = await FeedbackData.CreateAsync(portal, "Query count: public");
        await ThemesAsync(data, 2, publish: true);
        await AssertCountStaysTheSameAsync(AccessExpectations.Anonymous, YouSaidWeDidPaths.Public(data.ProjectId), () => ThemesAsync(data, 18, publish: true));
        await AssertCountStaysTheSameAsync(AccessExpectations.Anonymous, YouSaidWeDidPaths.PublicEasyRead(data.ProjectId), () => ThemesAsync(data, 18, publish: true));

        await AssertCountStaysTheSameAsync(AccessExpectations.Anonymous, YouSaidWeDidPaths.PublicList, async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await ThemesAsync(await FeedbackData.CreateAsync(portal, $"Query count: public list {i}"), 1, publish: true);
            }
        }, pagedTable: "YouSaidWeDidPublications");
    }
}
