using CoProduce.IntegrationTests.Payments;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static CoProduce.IntegrationTests.Reports.ReportAssertions;

namespace CoProduce.IntegrationTests.Reports;

/// <summary>Requirements met on time, on a portal without the demo data, against counts worked out by hand.</summary>
public sealed class RequirementsReportTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
{
    private static DateTime On(int month, int day) => new(2026, month, day, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task OnTimeLateAndNotMet_ByTierAndStage_AndExceptionsWithReasons()
    {
        var (world, lead, leadStaff) = await LeadAsync(portal);
        var owner = await world.StaffAsync("Cam Commissioner", Roles.Commissioner);
        await world.WithDbAsync(async db =>
        {
            var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
            CommissioningProject Tier1(string title)
            {
                var project = new CommissioningProject(title, "Adult social care", "Summary", owner.UserId, Money.FromPounds(10_000m), false, On(1, 1));
                project.Assess(rules);
                db.CommissioningProjects.Add(project);
                return project;
            }

            // A: R1 evidenced and R2 excepted in Analyse, then moved to Plan, where R3 is not met yet.
            var a = Tier1("Alpha day services");
            a.Requirement("R1")!.AddEvidence("Findings reviewed", new DateOnly(2026, 1, 1), 3, string.Empty, owner.UserId, On(1, 1));
            a.RequestException("R2", "Done for the whole county last year", owner.UserId, On(1, 2))
                .Decide(ExceptionDecision.Approved, "The county assessment covers it", leadStaff.UserId, true, On(1, 3));
            Assert.True(a.MoveToNextStage(owner.UserId, string.Empty, On(1, 10)).MayLeave);

            // B and C: through Analyse and Plan on time, then a higher value (tier 2) needs R4, due by Plan, which they have left.
            foreach (var (title, evidenceLate) in new[] { ("Beta housing", true), ("Gamma advocacy", false) })
            {
                var p = Tier1(title);
                p.Requirement("R1")!.AddEvidence("Done", new DateOnly(2026, 1, 1), 2, string.Empty, owner.UserId, On(1, 1));
                p.Requirement("R2")!.AddEvidence("Done", new DateOnly(2026, 1, 1), 2, string.Empty, owner.UserId, On(1, 1));
                Assert.True(p.MoveToNextStage(owner.UserId, string.Empty, On(2, 1)).MayLeave);
                p.Requirement("R3")!.AddEvidence("Done", new DateOnly(2026, 2, 5), 2, string.Empty, owner.UserId, On(2, 5));
                Assert.True(p.MoveToNextStage(owner.UserId, string.Empty, On(2, 10)).MayLeave);
                p.ChangeValue(Money.FromPounds(100_000m), false, rules, On(2, 20));
                if (evidenceLate)
                {
                    p.Requirement("R4")!.AddEvidence("Done late", new DateOnly(2026, 3, 1), 2, string.Empty, owner.UserId, On(3, 1));
                }
                else
                {
                    // A reason that starts like a spreadsheet formula.
                    p.RequestException("R4", "=HYPERLINK(\"http://evil.example\") no budget", owner.UserId, On(3, 2));
                }
            }
            await db.SaveChangesAsync();
        });

        var page = await lead.GetPageAsync("/reports/requirements");
        var rows = TableRows(page, "on-time-table");
        Assert.Equal(["Tier and stage", "Required items", "Met on time", "Met late", "Not met", "Not met yet", "On time"], rows[0]);
        Assert.Equal(
        [
            ["Tier 1, due by Analyse", "2", "2", "0", "0", "0", "100%"],
            ["Tier 1, due by Plan", "1", "0", "0", "0", "1", "None due yet"],
            ["Tier 2, due by Analyse", "4", "4", "0", "0", "0", "100%"],
            ["Tier 2, due by Plan", "4", "2", "1", "1", "0", "50%"],
            ["All tiers and stages", "11", "8", "1", "1", "1", "80%"],
        ], rows.Skip(1).ToList());
        SameFigures(rows, await CsvRowsAsync(lead, "/reports/requirements.csv"));
        var chart = ChartText(page, "requirements-chart");
        Assert.Contains("Of 11 required items whose stage has been reached, 8 were met on time (80%), 1 late, 1 not met and 1 not met yet.", chart, StringComparison.Ordinal);
        Assert.Contains("Tier 2, Plan: 50% on time.", chart, StringComparison.Ordinal);

        var exceptions = TableRows(page, "exceptions-table");
        Assert.Equal(
        [
            ["Project", "Requirement", "Reason asked", "Asked on", "Decision", "Reason for the decision", "Decided on"],
            ["Gamma advocacy", "R4 Engagement findings shape the business case", "=HYPERLINK(\"http://evil.example\") no budget", "2 March 2026", "Waiting for a decision", "", ""],
            ["Alpha day services", "R2 Co-produced equality impact assessment (EIA)", "Done for the whole county last year", "2 January 2026", "Approved", "The county assessment covers it", "3 January 2026"],
        ], exceptions);
        var csv = await CsvRowsAsync(lead, "/reports/exceptions.csv");
        // The CSV never lets a spreadsheet run the reason as a formula: it starts with '.
        Assert.Equal("'=HYPERLINK(\"http://evil.example\") no budget", csv[1][2]);
        SameFigures(exceptions, [.. csv.Select(r => r.Select(c => c.StartsWith("'=", StringComparison.Ordinal) ? c[1..] : c).ToArray())]);
    }
}
