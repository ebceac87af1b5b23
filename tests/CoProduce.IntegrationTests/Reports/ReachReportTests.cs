using CoProduce.IntegrationTests.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static CoProduce.IntegrationTests.Reports.ReportAssertions;

namespace CoProduce.IntegrationTests.Reports;

/// <summary>Roster reach, on a portal without the demo data, against figures worked out by hand.</summary>
public sealed class ReachReportTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
{
    [Fact]
    public async Task Reach_CountsPeopleUnderEachArea_AndConcentration_WithoutNames()
    {
        var (world, lead, _) = await LeadAsync(portal);
        var organiser = await world.StaffAsync("Olive Organiser", Roles.Commissioner);
        var p1 = await PersonAsync(world, LivedExperienceArea.Carer, LivedExperienceArea.Autism);
        var p2 = await PersonAsync(world, LivedExperienceArea.Carer);
        var p3 = await PersonAsync(world, LivedExperienceArea.MentalHealth);
        var p4 = await PersonAsync(world, LivedExperienceArea.Carer);
        var p5 = await PersonAsync(world, LivedExperienceArea.Autism);
        await PersonAsync(world, LivedExperienceArea.Carer); // on the roster, never involved

        // In the last 12 months: p1 three times, p2 twice, p3 and p5 once. p4 only 400 days ago.
        await world.AttendedAsync(organiser.UserId, Today.AddDays(-30), 0, [p1, p2, p3]);
        await world.AttendedAsync(organiser.UserId, Today.AddDays(-60), 0, [p1, p2]);
        await world.AttendedAsync(organiser.UserId, Today.AddDays(-90), 0, [p1, p5]);
        await world.AttendedAsync(organiser.UserId, Today.AddDays(-400), 0, [p4]);
        // p5 then leaves the roster: still involved, but no longer on it, and their lived experience is gone.
        await world.WithDbAsync(async db =>
        {
            var profile = await db.ExpertProfiles.Include(p => p.ConsentHistory).SingleAsync(p => p.Id == p5.ProfileId);
            profile.WithdrawConsent(PaymentsWorld.Now);
            await db.SaveChangesAsync();
        });

        var page = await lead.GetPageAsync("/reports/roster-reach");
        var rows = TableRows(page, "reach-table");
        Assert.Equal(["Lived experience", "On the roster", "Involved", "Reach", "Attendances"], rows[0]);
        // Everyone: 5 on the roster (p5 has left), 4 involved (p5 too), 7 attendances.
        Assert.Equal(["Everyone", "5", "4", "80%", "7"], Row(rows, "Everyone"));
        Assert.Equal(["Carer", "4", "2", "50%", "5"], Row(rows, "Carer"));
        Assert.Equal(["Autism", "1", "1", "100%", "3"], Row(rows, "Autism"));
        Assert.Equal(["Mental health", "1", "1", "100%", "1"], Row(rows, "Mental health"));
        Assert.Equal(["Homelessness", "0", "0", "0%", "0"], Row(rows, "Homelessness"));
        Assert.Equal(15, rows.Count); // headings, everyone, 13 areas

        // The most involved tenth (1 of 4 people) took 3 of 7 attendances; Gini of 1, 1, 2, 3 is 7 / 28.
        Assert.Equal("43%", page.QuerySelector("#most-involved-share")!.TextContent.Trim());
        Assert.Equal("0.25", page.QuerySelector("#gini")!.TextContent.Trim());

        SameFigures(rows, await CsvRowsAsync(lead, "/reports/roster-reach.csv"));
        var chart = ChartText(page, "reach-chart");
        Assert.Contains("4 of 5 people on the roster were involved (80%)", chart, StringComparison.Ordinal);
        Assert.Contains("Carer: 50%.", chart, StringComparison.Ordinal);

        // No names: not the people's, nor anyone else's.
        Assert.DoesNotContain("Reach person", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
