using System.Globalization;
using CoProduce.IntegrationTests.Payments;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Features.Reports;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static CoProduce.IntegrationTests.Reports.ReportAssertions;

namespace CoProduce.IntegrationTests.Reports;

/// <summary>The exceptions table is sorted before it is paged: the latest first, and no page overlaps or skips another.</summary>
public sealed class ExceptionsPagingTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
{
    [Fact]
    public async Task Exceptions_AreTheLatestFirst_AcrossPages()
    {
        var count = ReportPages.ExceptionsPageSize + 3;
        var (world, lead, _) = await LeadAsync(portal);
        var owner = await world.StaffAsync("Cam Commissioner", Roles.Commissioner);
        await world.WithDbAsync(async db =>
        {
            var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
            // Added oldest first: a page taken before sorting would hold the oldest rows, not the latest.
            for (var i = 1; i <= count; i++)
            {
                var project = new CommissioningProject($"Project {i:00}", "Adult social care", "Summary", owner.UserId, Money.FromPounds(10_000m), false,
                    new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
                project.Assess(rules);
                project.RequestException("R1", $"Reason {i:00}", owner.UserId, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i));
                db.CommissioningProjects.Add(project);
                await db.SaveChangesAsync();
            }
        });

        var first = TableRows(await lead.GetPageAsync("/reports/requirements?page=1"), "exceptions-table").Skip(1).Select(r => r[2]).ToList();
        var second = TableRows(await lead.GetPageAsync("/reports/requirements?page=2"), "exceptions-table").Skip(1).Select(r => r[2]).ToList();

        var expected = Enumerable.Range(1, count).Reverse().Select(i => "Reason " + i.ToString("00", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected.Take(ReportPages.ExceptionsPageSize), first);
        Assert.Equal(expected.Skip(ReportPages.ExceptionsPageSize), second);
    }
}
