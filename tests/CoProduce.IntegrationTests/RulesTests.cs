using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>Publishing a new rule set version and re-assessing chosen projects; the public rules page.</summary>
public sealed class RulesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static List<KeyValuePair<string, string>> Draft(string[] bounds, string intent, string note = "Lower top band")
    {
        var fields = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < bounds.Length; i++)
        {
            fields.Add(new($"UpperBounds[{i}]", bounds[i]));
        }
        for (var i = 0; i < PlymouthRules.Requirements.Count; i++)
        {
            var r = PlymouthRules.Requirements[i];
            fields.Add(new($"Requirements[{i}].Code", r.Code));
            fields.Add(new($"Requirements[{i}].ShortName", r.ShortName));
            fields.Add(new($"Requirements[{i}].Wording", r.Wording));
            fields.Add(new($"Requirements[{i}].Tier", r.IntroducedAtTier.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new($"Requirements[{i}].DueBy", r.DueBy.ToString()));
        }
        fields.Add(new("ChangeNote", note));
        fields.Add(new("Intent", intent));
        return fields;
    }

    [Fact]
    public async Task Draft_BandsNotIncreasing_ExplainedByTheBox()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);

        var response = await lead.SubmitFormAsync("/rules/new", "/rules/new", Draft(["50000", "40000", "500000", "3000000"], "preview"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#UpperBounds_1_ The upper limit of tier 2 must be more than tier 1's (£50,000)"], (await response.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task PreviewPublishAndReassess_OnlyChosenProjectsMove_HistoryKept()
    {
        // Its own app: publishing changes the current rules for everyone.
        using var app = new PortalFixture();
        var lead = await app.ClientForAsync(Roles.CoProductionLead);
        async Task<T> CountAsync<T>(Func<CoProduceDbContext, Task<T>> query)
        {
            await using var s = app.Services.CreateAsyncScope();
            return await query(s.ServiceProvider.GetRequiredService<CoProduceDbContext>());
        }

        // Preview: the £650,000 project would go to tier 5 under a £600,000 top band. Nothing is saved.
        var preview = await lead.SubmitFormAsync("/rules/new", "/rules/new", Draft(["50000", "200000", "500000", "600000"], "preview"));
        var previewText = (await preview.ReadPageAsync()).QuerySelector(".govuk-notification-banner")!.TextContent;
        Assert.Contains("Short breaks for disabled children: tier 4 → tier 5", previewText, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(db => db.TierRuleSets.CountAsync()));

        var published = await lead.SubmitFormAsync("/rules/new", "/rules/new", Draft(["50000", "200000", "500000", "600000"], "publish"));
        Assert.Equal("/rules/reassess", published.Location());
        Assert.Equal(2, await CountAsync(db => db.TierRuleSets.CountAsync()));

        // Nothing moved by itself.
        var shortBreaksId = await CountAsync(db => db.CommissioningProjects.Where(p => p.Title == "Short breaks for disabled children").Select(p => p.Id).SingleAsync());
        Assert.Equal(1, await CountAsync(db => db.CommissioningProjects.Where(p => p.Id == shortBreaksId).Select(p => p.RuleSetVersion).SingleAsync()));

        var reassessed = await lead.SubmitFormAsync("/rules/reassess", "/rules/reassess", [new("projectIds", shortBreaksId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, reassessed.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var projects = await db.CommissioningProjects.Include(p => p.Requirements).ToListAsync();
        var shortBreaks = projects.Single(p => p.Id == shortBreaksId);
        Assert.Equal((2, 5), (shortBreaks.RuleSetVersion, shortBreaks.Tier));
        Assert.NotNull(shortBreaks.Requirement("R7"));
        Assert.All(projects.Where(p => p.Id != shortBreaksId), p => Assert.Equal(1, p.RuleSetVersion));
        // Version 1 is unchanged.
        var v1 = await db.TierRuleSets.SingleAsync(r => r.Version == 1);
        Assert.Equal(PlymouthRules.UpperBounds, v1.UpperBounds);

        // The rule set's audit entry names its version and belongs to no project; the re-assessment's names the project.
        var leadId = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.CoProductionLead)).Select(u => u.Id).SingleAsync();
        var publishedEntry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.RuleSetPublished);
        Assert.Equal((AuditSubject.RuleSet(2), (int?)null, leadId), (publishedEntry.Subject, publishedEntry.ProjectId, publishedEntry.ByUserId));
        Assert.StartsWith("Version 1:", publishedEntry.Before, StringComparison.Ordinal);
        Assert.StartsWith("Version 2: bands up to £50,000, £200,000, £500,000, £600,000;", publishedEntry.After, StringComparison.Ordinal);
        var reassessedEntry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.ProjectReassessed && a.ProjectId == shortBreaksId);
        Assert.Equal(AuditSubject.Project(shortBreaksId), reassessedEntry.Subject);
        Assert.Equal("Tier 5 under rules version 2", reassessedEntry.After);
    }

    [Fact]
    public async Task Reassess_NothingChosen_AsksToSelect()
    {
        using var app = new PortalFixture();
        var lead = await app.ClientForAsync(Roles.CoProductionLead);
        await lead.SubmitFormAsync("/rules/new", "/rules/new", Draft(["50000", "200000", "500000", "600000"], "publish"));

        var response = await lead.SubmitFormAsync("/rules/reassess", "/rules/reassess", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Select at least one project to re-assess", page.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        var firstCheckbox = page.QuerySelector("input[name=projectIds]")!.Id;
        Assert.Equal("#" + firstCheckbox, page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("1250000", "no", "Tier 4", "£1,250,000 is over £500,000 and up to £3,000,000, so this is tier 4")]
    [InlineData("£1,250,000", "no", "Tier 4", "£1,250,000 is over £500,000 and up to £3,000,000, so this is tier 4")]
    [InlineData("50000", "no", "Tier 1", "£50,000 is up to £50,000, so this is tier 1")]
    [InlineData("1", "yes", "Tier 5", "This is a key decision, so it is tier 5 whatever its value")]
    [InlineData("-0", "no", "Tier 1", "£0 is up to £50,000, so this is tier 1")]
    [InlineData("-0.00", "no", "Tier 1", "£0 is up to £50,000, so this is tier 1")]
    public async Task PublicRules_Anonymous_GetsTierReasonAndStages(string value, string keyDecision, string tier, string reason)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync(new Uri($"/co-production-rules?value={Uri.EscapeDataString(value)}&keyDecision={keyDecision}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(tier, page.QuerySelector("#answer h2")?.TextContent.Trim());
        Assert.Contains(reason, page.QuerySelector("#answer")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("By the end of Analyse", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#eia"));
    }

    [Theory]
    [InlineData("", "no", "#value Enter the estimated value in pounds, like 250000")]
    [InlineData("-1", "no", "#value The estimated value must be £0 or more")]
    [InlineData("twelve", "no", "#value The estimated value must be a number in pounds, like 250000")]
    [InlineData("10.001", "no", "#value The estimated value must have no more than 2 decimal places, like 250000.50")]
    [InlineData("99999999999999999999999999999999999", "no", "#value The estimated value must be a number in pounds, like 250000")]
    [InlineData("1e9", "no", "#value The estimated value must be a number in pounds, like 250000")]
    [InlineData("5000", "maybe", "#keyDecision Select yes if this is a key decision")]
    public async Task PublicRules_BadInput_GovUkErrorNeverServerError(string value, string keyDecision, string expected)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync(new Uri($"/co-production-rules?value={Uri.EscapeDataString(value)}&keyDecision={keyDecision}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal([expected], page.ErrorSummaryLinks());
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicRules_BothWrong_ErrorsInPageOrder()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetPageAsync("/co-production-rules?value=&keyDecision=");

        Assert.Equal(["#value Enter the estimated value in pounds, like 250000", "#keyDecision Select yes if this is a key decision"], page.ErrorSummaryLinks());
    }

    [Fact]
    public async Task PublicRules_NoQuestionYet_ShowsTheBlankForm()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync(new Uri("/co-production-rules", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Null(page.QuerySelector(".govuk-error-summary"));
        Assert.Null(page.QuerySelector("#answer"));
    }
}
