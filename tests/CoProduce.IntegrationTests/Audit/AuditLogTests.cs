using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using CoProduce.IntegrationTests.Payments;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Features.Audit;
using CoProduce.Web.Infrastructure.Security;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.IntegrationTests.Audit;

/// <summary>
/// The audit log page on a portal without the demo data. Each test makes the people who act in it,
/// and filters by them, so that tests sharing the portal never see each other's entries.
/// </summary>
public sealed class AuditLogTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
{
    private static readonly DateTime Summer = new(2025, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    private PaymentsWorld World => new(portal.Services);

    private async Task<HttpClient> LeadAsync() => await PaymentsWorld.SignedInAsync(portal, await World.StaffAsync("Lee Lead", Roles.CoProductionLead));

    private Task AddAsync(params AuditEntry[] entries) => World.WithDbAsync(async db =>
    {
        // One at a time, so that ids follow the order given.
        foreach (var entry in entries)
        {
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
        }
    });

    private static AuditEntry Entry(AuditSubject subject, string action, string summary, string by, DateTime at, string? before = null, string? after = null) =>
        new(subject, null, action, summary, by, at, before, after);

    /// <summary>The summaries of the page's rows, top to bottom.</summary>
    private static List<string> Summaries(IHtmlDocument page) =>
        page.QuerySelectorAll("table.govuk-table tbody tr [data-summary]").Select(s => s.TextContent.Trim()).ToList();

    private static int UniqueNumber() => Random.Shared.Next(100_000, 1_000_000);

    [Fact]
    public async Task EachFilter_AndThemTogether_ShowOnlyTheMatchingEntries_NewestFirst()
    {
        var ann = await World.StaffAsync("Ann Auditor", Roles.Commissioner);
        var ben = await World.StaffAsync("Ben Builder", Roles.Commissioner);
        var (p, q) = (UniqueNumber(), UniqueNumber() + 1);
        await AddAsync(
            Entry(AuditSubject.Project(p), AuditActions.ProjectCreated, "a1 created", ann.UserId, Summer.AddHours(1)),
            Entry(AuditSubject.Project(p), AuditActions.StageMoved, "a2 moved", ann.UserId, Summer.AddHours(2), "Plan", "Design"),
            Entry(AuditSubject.Project(p), AuditActions.StageMoved, "b1 moved", ben.UserId, Summer.AddHours(3)),
            Entry(AuditSubject.Activity(q), AuditActions.ActivityCreated, "a3 activity", ann.UserId, Summer.AddDays(2)),
            Entry(AuditSubject.Project(q), AuditActions.ProjectCreated, "b2 other project", ben.UserId, Summer.AddDays(3)));
        var lead = await LeadAsync();

        Assert.Equal(["a3 activity", "a2 moved", "a1 created"], Summaries(await lead.GetPageAsync($"/audit?person={ann.UserId}")));
        Assert.Equal(["b1 moved", "a2 moved", "a1 created"], Summaries(await lead.GetPageAsync($"/audit?subject=Project&id={p}")));
        Assert.Equal(["a3 activity"], Summaries(await lead.GetPageAsync($"/audit?subject=Activity&person={ann.UserId}")));
        Assert.Equal(["b1 moved", "a2 moved"], Summaries(await lead.GetPageAsync($"/audit?subject=Project&id={p}&act=StageMoved")));
        Assert.Equal(["b1 moved"], Summaries(await lead.GetPageAsync($"/audit?subject=Project&id={p}&act=StageMoved&person={ben.UserId}")));
        // Dates are UK days, both ends included: 2 and 3 July 2025.
        var july = await lead.GetPageAsync($"/audit?person={ben.UserId}&From.Day=2&From.Month=7&From.Year=2025&To.Day=3&To.Month=7&To.Year=2025");
        Assert.Equal(["b2 other project"], Summaries(july));
        var june30 = await lead.GetPageAsync($"/audit?subject=Project&id={p}&To.Day=30&To.Month=6&To.Year=2025");
        Assert.Equal(["b1 moved", "a2 moved", "a1 created"], Summaries(june30));

        // Each row says who (by name, never email), the record (linked), the action in words and what changed.
        var row = (await lead.GetPageAsync($"/audit?subject=Project&id={p}&person={ann.UserId}&act=StageMoved")).QuerySelector("tbody tr")!;
        Assert.Contains("Ann Auditor", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(ann.Email, row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/projects/{p}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Stage moved", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Plan", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Design", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_IsNewestFirst_AndStable_WhenEntriesShareAMoment()
    {
        var actor = await World.StaffAsync("Pat Pager", Roles.Commissioner);
        var count = AuditLogPage.PageSize + 5;
        var subject = UniqueNumber();
        // All in the same instant: the order must still be the same every time, the latest written first.
        await AddAsync([.. Enumerable.Range(1, count).Select(i => Entry(AuditSubject.Project(subject), AuditActions.ValueChanged, $"entry {i:00}", actor.UserId, Summer))]);
        var lead = await LeadAsync();

        var first = Summaries(await lead.GetPageAsync($"/audit?person={actor.UserId}"));
        var second = Summaries(await lead.GetPageAsync($"/audit?person={actor.UserId}&page=2"));
        var again = Summaries(await lead.GetPageAsync($"/audit?person={actor.UserId}&page=1"));

        var expected = Enumerable.Range(1, count).Reverse().Select(i => $"entry {i:00}").ToList();
        Assert.Equal(expected.Take(AuditLogPage.PageSize), first);
        Assert.Equal(expected.Skip(AuditLogPage.PageSize), second);
        Assert.Equal(first, again);
        var page2 = await lead.GetPageAsync($"/audit?person={actor.UserId}&page=2");
        Assert.Contains($"person={actor.UserId}", page2.QuerySelector(".govuk-pagination__prev a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From.Day=1&From.Month=1&From.Year=1900&To.Day=31&To.Month=12&To.Year=9999")]
    [InlineData("From.Day=31&From.Month=12&From.Year=9999")]
    public async Task TheWidestDates_AreAccepted(string query)
    {
        var lead = await LeadAsync();

        var response = await lead.GetAsync(new Uri("/audit?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Theory]
    [InlineData("From.Day=31&From.Month=2&From.Year=2026", "#From", "Date from must be a real date, like 27 3 2026")]
    [InlineData("To.Day=1&To.Month=13&To.Year=2026", "#To", "Date to must be a real date, like 27 3 2026")]
    [InlineData("From.Day=1&From.Month=1", "#From", "Date from must include a year")]
    [InlineData("From.Day=2&From.Month=3&From.Year=2026&To.Day=1&To.Month=3&To.Year=2026", "#To", "Date to must be the same as or after date from")]
    public async Task DatesThatCannotBeUsed_AreExplainedByTheField_AndKeepWhatWasTyped(string query, string field, string message)
    {
        var lead = await LeadAsync();

        var response = await lead.GetAsync(new Uri("/audit?" + query, UriKind.Relative));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"{field} {message}"], page.ErrorSummaryLinks());
        var group = page.QuerySelector($"{field}-parts")!.ParentElement!.ParentElement!;
        Assert.Contains(message, group.QuerySelector(".govuk-error-message")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("table.govuk-table"));
        var typedDay = query.Split('&')[0].Split('=')[1];
        Assert.Equal(typedDay, page.QuerySelector(query.StartsWith("To", StringComparison.Ordinal) ? "#To" : "#From")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheCsv_HoldsTheFilteredEntries_EscapesFormulas_AndIsRecorded()
    {
        var actor = await World.StaffAsync("Cass Csv", Roles.Commissioner);
        var subject = UniqueNumber();
        await AddAsync(
            Entry(AuditSubject.Project(subject), AuditActions.ProjectCreated, "=HYPERLINK(\"http://bad.example\")", actor.UserId, Summer),
            Entry(AuditSubject.Project(subject), AuditActions.ValueChanged, "Value changed, with a comma", actor.UserId, Summer.AddMinutes(1), "£10,000", "+£20,000"),
            Entry(AuditSubject.Activity(subject), AuditActions.ActivityCreated, "Not this one", actor.UserId, Summer.AddMinutes(2)));
        var leadStaff = await World.StaffAsync("Lou Lead", Roles.CoProductionLead);
        var lead = await PaymentsWorld.SignedInAsync(portal, leadStaff);
        var filter = $"subject=Project&person={actor.UserId}";

        var shown = Summaries(await lead.GetPageAsync("/audit?" + filter));
        var response = await lead.GetAsync(new Uri("/audit.csv?" + filter, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        // Never kept in a cache (the sign-in cookie, renewed on each request, adds no-cache too).
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control was {response.Headers.CacheControl}");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        using var csv = CsvReader.FromText(text);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }
        Assert.Equal(AuditPages.CsvHeader, csv.Headers.ToArray());
        var summary = Array.IndexOf(AuditPages.CsvHeader, "Summary");
        // The same entries as the page, in the same order; a formula is written so that it never runs.
        Assert.Equal(shown.Select(s => s.StartsWith('=') ? "'" + s : s), rows.Select(r => r[summary]));
        Assert.Equal("'=HYPERLINK(\"http://bad.example\")", rows[1][summary]);
        Assert.Equal("'+£20,000", rows[0][Array.IndexOf(AuditPages.CsvHeader, "After")]);
        Assert.All(rows, r => Assert.Equal("Cass Csv", r[Array.IndexOf(AuditPages.CsvHeader, "Who")]));
        Assert.DoesNotContain(actor.Email, text, StringComparison.Ordinal);

        // Taking a copy of the log is itself in the log, naming the filters and how many entries went.
        var recorded = await World.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ByUserId == leadStaff.UserId && a.Action == AuditActions.AuditLogExported).ToListAsync());
        var export = Assert.Single(recorded);
        Assert.Equal(AuditSubject.StaffAccount(leadStaff.UserId), export.Subject);
        Assert.Contains("Exported 2 audit entries", export.Summary, StringComparison.Ordinal);
        Assert.Contains($"by user {actor.UserId}", export.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCsv_OfFiltersThatCannotBeUsed_ShowsThePageWithErrors_AndRecordsNothing()
    {
        var leadStaff = await World.StaffAsync("Nell Lead", Roles.CoProductionLead);
        var lead = await PaymentsWorld.SignedInAsync(portal, leadStaff);

        var response = await lead.GetAsync(new Uri("/audit.csv?From.Day=40&From.Month=1&From.Year=2026", UriKind.Relative));

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["#From Date from must be a real date, like 27 3 2026"], (await response.ReadPageAsync()).ErrorSummaryLinks());
        Assert.False(await World.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ByUserId == leadStaff.UserId)));
    }

    [Theory]
    [InlineData(Roles.Commissioner)]
    [InlineData(Roles.FinanceOfficer)]
    public async Task OnlyLeads_MayReadOrExportTheLog(string role)
    {
        var staff = await World.StaffAsync("Not A Lead", role);
        var client = await PaymentsWorld.SignedInAsync(portal, staff);

        foreach (var url in new[] { "/audit", "/audit.csv" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/access-denied", response.Location(), StringComparison.Ordinal);
        }
        Assert.False(await World.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ByUserId == staff.UserId)));
    }
}
