using CoProduce.IntegrationTests.Payments;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.Audit;

/// <summary>
/// Record pages link to their full history in the audit log, for the people the log admits: on the
/// demo data, project 1, activity 1, claim 5 and payment batch 1.
/// </summary>
public sealed class AuditHistoryLinkTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static string? HistoryLink(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).FirstOrDefault(h => h?.StartsWith("/audit?", StringComparison.Ordinal) == true);

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task LeadsPages_LinkToEachRecordsHistory()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var commissionerId = await UserIdAsync(DemoUsers.EmailFor(Roles.Commissioner));

        Assert.Equal("/audit?subject=Project&id=1", HistoryLink(await lead.GetPageAsync("/projects/1")));
        Assert.Equal("/audit?subject=Activity&id=1", HistoryLink(await lead.GetPageAsync("/manage/activities/1")));
        Assert.StartsWith("/audit?subject=RuleSet&id=", HistoryLink(await lead.GetPageAsync("/rules")), StringComparison.Ordinal);
        Assert.Equal($"/audit?subject=StaffAccount&id={commissionerId}", HistoryLink(await lead.GetPageAsync($"/admin/staff/{commissionerId}/roles")));

        // The link leads to the record's entries.
        var history = await lead.GetPageAsync("/audit?subject=Project&id=1");
        Assert.NotEmpty(history.QuerySelectorAll("tbody tr"));
        Assert.All(history.QuerySelectorAll("tbody tr td:nth-child(3)"), cell => Assert.Equal("Project 1", cell.TextContent.Trim()));
    }

    [Fact]
    public async Task PagesOwnedByOthers_ShowTheLink_OnlyToThoseWhoAreAlsoLeads()
    {
        var commissioner = await portal.ClientForAsync(Roles.Commissioner);
        var finance = await portal.ClientForAsync(Roles.FinanceOfficer);
        Assert.Null(HistoryLink(await commissioner.GetPageAsync("/projects/1")));
        Assert.Null(HistoryLink(await commissioner.GetPageAsync("/manage/activities/1")));
        Assert.Null(HistoryLink(await finance.GetPageAsync("/finance/claims/5")));
        Assert.Null(HistoryLink(await finance.GetPageAsync("/finance/batches/1")));

        // A finance officer who is also a co-production lead sees the link on the finance pages.
        var world = new PaymentsWorld(portal.Services);
        var both = await world.StaffAsync("Fran Both", Roles.FinanceOfficer);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(both.UserId))!, Roles.CoProductionLead)).Succeeded);
        }
        var client = await PaymentsWorld.SignedInAsync(portal, both);
        Assert.Equal("/audit?subject=Claim&id=5", HistoryLink(await client.GetPageAsync("/finance/claims/5")));
        Assert.Equal("/audit?subject=PaymentBatch&id=1", HistoryLink(await client.GetPageAsync("/finance/batches/1")));
        // And from the log, claims and batches link back to their finance pages for them.
        var log = await client.GetPageAsync("/audit?subject=Claim&id=3");
        Assert.Contains(log.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == "/finance/claims/3");
    }
}
