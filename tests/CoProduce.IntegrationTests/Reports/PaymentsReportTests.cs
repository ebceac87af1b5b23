using CoProduce.IntegrationTests.Payments;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static CoProduce.IntegrationTests.Reports.ReportAssertions;

namespace CoProduce.IntegrationTests.Reports;

/// <summary>Payments by month, on a portal without the demo data: every claim in it is one this test made.</summary>
public sealed class PaymentsReportTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
{
    [Fact]
    public async Task ApprovedAndPaid_AddUpByMonth_AndTheCsvHoldsTheSameFigures()
    {
        var (world, lead, _) = await LeadAsync(portal);
        var organiser = await world.StaffAsync("Olive Organiser", Roles.Commissioner);
        var finance = await world.StaffAsync("Fin Officer", Roles.FinanceOfficer);
        var may = await world.AttendedAsync(organiser.UserId, new DateOnly(2025, 5, 10), 3);
        var june = await world.AttendedAsync(organiser.UserId, new DateOnly(2025, 6, 20), 1);
        var nextYear = await world.AttendedAsync(organiser.UserId, new DateOnly(2026, 4, 2), 1);

        // May 2025: £40 approved, £25.50 paid, and £30 only sent (not counted). June: £12.34 paid.
        var approved = await world.SubmittedClaimAsync(may[0], organiser.UserId, 40m, ClaimPaymentMethod.Voucher);
        var paidInMay = await world.SubmittedClaimAsync(may[1], organiser.UserId, 25.50m, ClaimPaymentMethod.Voucher);
        await world.SubmittedClaimAsync(may[2], organiser.UserId, 30m, ClaimPaymentMethod.Voucher);
        var paidInJune = await world.SubmittedClaimAsync(june[0], organiser.UserId, 12.34m, ClaimPaymentMethod.Voucher);
        var otherYear = await world.SubmittedClaimAsync(nextYear[0], organiser.UserId, 99m, ClaimPaymentMethod.Voucher);
        foreach (var claim in new[] { approved, paidInMay, paidInJune, otherYear })
        {
            await world.ApproveAsync(claim, finance.UserId);
        }
        foreach (var claim in new[] { paidInMay, paidInJune })
        {
            await world.WithDbAsync(async db =>
            {
                var entity = await db.Claims.Include(c => c.Decisions).SingleAsync(c => c.Id == claim);
                entity.RecordPaidOutsideBatch(finance.UserId, PaymentsWorld.Now);
                await db.SaveChangesAsync();
            });
        }

        var page = await lead.GetPageAsync("/reports/payments?year=2025");
        var rows = TableRows(page, "payments-table");
        Assert.Equal(["Month", "Claims approved, not yet paid", "Approved, not yet paid", "Claims paid", "Paid", "Approved and paid"], rows[0]);
        Assert.Equal(14, rows.Count); // headings, 12 months, the whole year
        Assert.Equal(["May 2025", "1", "£40", "1", "£25.50", "£65.50"], Row(rows, "May 2025"));
        Assert.Equal(["June 2025", "0", "£0", "1", "£12.34", "£12.34"], Row(rows, "June 2025"));
        Assert.Equal(["April 2025", "0", "£0", "0", "£0", "£0"], Row(rows, "April 2025"));
        Assert.Equal(["Whole year", "1", "£40", "2", "£37.84", "£77.84"], Row(rows, "Whole year"));

        var csv = await CsvRowsAsync(lead, "/reports/payments.csv?year=2025");
        SameFigures(rows, csv);
        Assert.Equal(["Whole year", "1", "40.00", "2", "37.84", "77.84"], csv[^1]);

        var chart = ChartText(page, "payments-chart");
        Assert.Contains("£37.84 paid on 2 claims and £40 approved", chart, StringComparison.Ordinal);
        Assert.Contains("The most was for May 2025: £65.50", chart, StringComparison.Ordinal);
        // Each bar says its figure in text, so nothing depends on colour.
        Assert.Contains(page.QuerySelectorAll("svg#payments-chart text"), t => t.TextContent == "£65.50");

        var following = TableRows(await lead.GetPageAsync("/reports/payments?year=2026"), "payments-table");
        Assert.Equal(["April 2026", "1", "£99", "0", "£0", "£99"], Row(following, "April 2026"));
    }
}
