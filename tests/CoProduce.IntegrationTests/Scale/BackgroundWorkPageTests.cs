using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Infrastructure.Background;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduce.IntegrationTests.Scale;

/// <summary>The page where a co-production lead sees when each background job last ran and what it did.</summary>
public sealed class BackgroundWorkPageTests
{
    [Fact]
    public async Task Page_ShowsEachJobsLastRunAndOutcome_InUkTime()
    {
        // 30 June 2026, 09:00 UTC: 10:00 in the UK (summer time).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero));
        using var app = new CoProduceAppFactory
        {
            Settings = new Dictionary<string, string> { ["Background:PollSeconds"] = (30 * 24 * 3600).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        using var lead = app.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SignInAsync(DemoUsers.EmailFor(Roles.CoProductionLead), DemoUsers.Password(app))).StatusCode);
        var runner = app.Services.GetRequiredService<JobRunner>();

        var before = await lead.GetPageAsync("/admin/background-work");
        Assert.Equal(["Not looked at yet", "Not looked at yet", "Not looked at yet"], before.QuerySelectorAll("tbody tr td:nth-of-type(1)").Select(c => c.TextContent.Trim()));

        await runner.RunDueJobsAsync();
        clock.Advance(TimeSpan.FromHours(1));
        await runner.RunDueJobsAsync();

        // An hour on, the first session has timed out: sign in again.
        using var later = app.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsync(DemoUsers.EmailFor(Roles.CoProductionLead), DemoUsers.Password(app))).StatusCode);
        var page = await later.GetPageAsync("/admin/background-work");
        Assert.Equal("Jobs", page.QuerySelector("table caption")?.TextContent.Trim());
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList()).ToList();
        Assert.Equal(
        [
            ["Sends the emails waiting in the outbox (outbox)", "Waiting", "30 June 2026 at 11:00:00", "30 June 2026 at 11:00:00", "0 emails sent", "30 June 2026 at 12:00:00"],
            ["Reminds people with a place two days before an activity (reminders)", "Waiting", "30 June 2026 at 11:00:00", "30 June 2026 at 11:00:00", "0 reminders put in the outbox", "30 June 2026 at 12:00:00"],
            // The retention policy runs at 03:00 UK time: the first look only sets when.
            ["Deletes and anonymises what the retention policy says is no longer needed (retention)", "Not run yet", "Never", "Never", "None", "1 July 2026 at 03:00:00"],
        ], rows);

    }
}
