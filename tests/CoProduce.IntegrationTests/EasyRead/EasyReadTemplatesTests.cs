using System.Globalization;
using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.EasyRead;

/// <summary>The lead's easy-read templates: which were checked with people, recording a check, and previews with made-up content.</summary>
public sealed class EasyReadTemplatesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Templates = "/easy-read/templates";

    private static DateOnly Today => UkTime.Today(TimeProvider.System);

    private static string Parts(DateOnly date) => date.ToString("d M yyyy", CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string>[] Check(DateOnly? on, string activityId, string note = "") =>
    [
        new("CheckedOn.Day", on?.Day.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
        new("CheckedOn.Month", on?.Month.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
        new("CheckedOn.Year", on?.Year.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
        new("ActivityId", activityId),
        new("Note", note),
    ];

    /// <summary>The most recent activity the form offers, with its date.</summary>
    private async Task<(int Id, DateOnly Date)> OfferedActivityAsync(HttpClient lead, string slug)
    {
        var page = await lead.GetPageAsync($"{Templates}/{slug}/check");
        var first = page.QuerySelectorAll("#ActivityId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v));
        var id = int.Parse(first!, CultureInfo.InvariantCulture);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return (id, await db.Activities.Where(a => a.Id == id).Select(a => a.Date).SingleAsync());
    }

    [Fact]
    public async Task Templates_ListsEveryKind_AndThoseNeverCheckedSaySo()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);

        var page = await lead.GetPageAsync(Templates);

        var rows = page.QuerySelectorAll("#templates tbody tr");
        Assert.Equal(Enum.GetValues<EasyReadDocumentKind>().Length, rows.Length);
        var bookings = page.QuerySelector("#template-bookings")!;
        Assert.Contains("Not checked yet", bookings.TextContent, StringComparison.Ordinal);
        Assert.NotNull(bookings.QuerySelector($"a[href='{Templates}/bookings/check']"));
        Assert.NotNull(page.QuerySelector($"#template-you-said-we-did a[href='{Templates}/you-said-we-did/sample']"));
        Assert.NotNull((await lead.GetPageAsync("/")).QuerySelector($"a[href='{Templates}']"));
    }

    [Fact]
    public async Task RecordCheck_ShowsTheCheckAndTheActivity_AndWritesAnAuditEntry()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var (activityId, activityDate) = await OfferedActivityAsync(lead, "how-we-pay");
        Assert.Contains("Not checked yet", (await lead.GetPageAsync(Templates)).QuerySelector("#template-how-we-pay")!.TextContent, StringComparison.Ordinal);

        var response = await lead.SubmitFormAsync($"{Templates}/how-we-pay/check", $"{Templates}/how-we-pay/check",
            Check(activityDate, activityId.ToString(CultureInfo.InvariantCulture), "  They asked for a bigger picture of a bus.  "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Templates, response.Location());
        var row = (await lead.GetPageAsync(Templates)).QuerySelector("#template-how-we-pay")!;
        Assert.DoesNotContain("Not checked yet", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(activityDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"a[href='/manage/activities/{activityId}']"));
        Assert.Equal("They asked for a bigger picture of a bus.", row.QuerySelector(".app-check-note")!.TextContent);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var template = await db.EasyReadTemplates.SingleAsync(t => t.Kind == EasyReadDocumentKind.HowWePay);
        Assert.Equal((activityDate, activityId), (template.LastCheckedOn!.Value, template.CheckedAtActivityId!.Value));
        var entry = await db.AuditEntries.SingleAsync(e => e.SubjectType == AuditSubjectType.EasyReadTemplate && e.SubjectId == "HowWePay");
        Assert.Equal(AuditActions.EasyReadTemplateChecked, entry.Action);
        Assert.Equal("never checked", entry.Before);
        // What people said stays on the template, not in the log.
        Assert.DoesNotContain("bus", entry.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordCheck_BadInput_ShowsErrorsByTheFields()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var (activityId, activityDate) = await OfferedActivityAsync(lead, "payments");
        var id = activityId.ToString(CultureInfo.InvariantCulture);
        var url = $"{Templates}/payments/check";
        var cases = new (KeyValuePair<string, string>[] Fields, string Field, string Message)[]
        {
            (Check(null, id), "CheckedOn", "Enter the date people checked the template, like 27 3 2026"),
            (Check(Today, string.Empty), "ActivityId", "Select the activity where people checked the template"),
            (Check(Today.AddDays(1), id), "CheckedOn", "The date of the check must be today or in the past"),
            (Check(activityDate.AddDays(-1), id), "CheckedOn", "The date of the check must be on or after the day of the activity"),
            (Check(Today, "999999"), "ActivityId", "Select the activity where people checked the template"),
            (Check(Today, id, new string('x', EasyReadTemplate.NoteMaxLength + 1)), "Note", "What people said must be 1000 characters or fewer"),
        };

        foreach (var (fields, field, message) in cases)
        {
            var response = await lead.SubmitFormAsync(url, url, fields);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.ReadPageAsync();
            Assert.Contains($"#{field} {message}", page.ErrorSummaryLinks());
            Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
            Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        }
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        Assert.False(await db.EasyReadTemplates.AnyAsync(t => t.Kind == EasyReadDocumentKind.Payments));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync(new Uri($"{Templates}/no-such-template/check", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task YouSaidWeDidSample_IsATaggedEasyReadPdfOfThePage()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var page = await lead.GetPageAsync($"{Templates}/you-said-we-did/sample");
        var text = string.Join('\n', PdfChecks.PageSentences(page));
        Assert.Contains("You said:", text, StringComparison.Ordinal);
        Assert.Contains("We did this:", text, StringComparison.Ordinal);
        Assert.Contains("We will do this:", text, StringComparison.Ordinal);
        Assert.Contains("We cannot do this:", text, StringComparison.Ordinal);
        Assert.Contains("Thank you for helping us.", text, StringComparison.Ordinal);
        Assert.Contains($"We will meet again on {Today.AddDays(42).ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a.app-easy-read__pdf-link[href='{Templates}/you-said-we-did/sample.pdf']"));

        var response = await lead.GetAsync(new Uri($"{Templates}/you-said-we-did/sample.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await PdfChecks.AssertEasyReadAsync(await response.Content.ReadAsByteArrayAsync(), page, "you-said-we-did-sample");
    }

    [Theory]
    [InlineData("payments", HttpStatusCode.OK)]
    [InlineData("how-we-pay", HttpStatusCode.OK)]
    [InlineData("programme", HttpStatusCode.OK)]
    [InlineData("invitation", HttpStatusCode.OK)]
    [InlineData("bookings", HttpStatusCode.OK)]
    [InlineData("Payments", HttpStatusCode.NotFound)]
    [InlineData("nothing", HttpStatusCode.NotFound)]
    public async Task Sample_ForEachKind(string slug, HttpStatusCode expected)
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);

        var response = await lead.GetAsync(new Uri($"{Templates}/{slug}/sample", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PaymentsSample_HoldsOnlyMadeUpClaims()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var titles = await db.Activities.Select(a => a.Title).ToListAsync();

        var text = string.Join('\n', PdfChecks.PageSentences(await lead.GetPageAsync($"{Templates}/payments/sample")));

        Assert.Contains("Short breaks: group meeting", text, StringComparison.Ordinal);
        Assert.All(titles, t => Assert.DoesNotContain(t, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("invitation", "Your invitation to a meeting")]
    [InlineData("bookings", "Your meetings")]
    public async Task InvitationAndBookingsSamples_AreTaggedEasyReadPdfs_OfMadeUpMeetings(string slug, string title)
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var titles = await db.Activities.Select(a => a.Title).ToListAsync();
        var people = await db.ExpertProfiles.Select(p => p.PreferredName).ToListAsync();
        var page = await lead.GetPageAsync($"{Templates}/{slug}/sample");
        var text = string.Join('\n', PdfChecks.PageSentences(page));

        Assert.Equal(title, page.QuerySelector(".app-easy-read__title")?.TextContent.Trim());
        Assert.Contains("Day centres: what works well", text, StringComparison.Ordinal);
        Assert.All(titles, t => Assert.DoesNotContain(t, text, StringComparison.Ordinal));
        Assert.All(people, name => Assert.DoesNotMatch($@"\b{System.Text.RegularExpressions.Regex.Escape(name)}\b", text));
        var response = await lead.GetAsync(new Uri($"{Templates}/{slug}/sample.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await PdfChecks.AssertEasyReadAsync(await response.Content.ReadAsByteArrayAsync(), page, slug + "-sample");
    }
}
