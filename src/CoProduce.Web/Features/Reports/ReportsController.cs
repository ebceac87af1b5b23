using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Reports;

/// <summary>Co-production leads' reports: each a page (table first, then its chart) and a CSV of the table.</summary>
[Authorize(Policy = Policies.ReportsView)]
public sealed class ReportsController(ReportPages pages) : Controller
{
    [HttpGet("reports")]
    public IActionResult Index() => View(ReportPages.All);

    [HttpGet("reports/requirements")]
    public async Task<IActionResult> Requirements(int page = 1, CancellationToken cancellationToken = default) =>
        View("Report", await pages.RequirementsAsync(page, cancellationToken));

    [HttpGet("reports/requirements.csv")]
    public async Task<IActionResult> RequirementsCsv(CancellationToken cancellationToken) =>
        Csv((await pages.RequirementsAsync(1, cancellationToken)).Sections[0].Table, "requirements-met-on-time.csv");

    [HttpGet("reports/requirements-ongoing.csv")]
    public async Task<IActionResult> OngoingCsv(CancellationToken cancellationToken) =>
        Csv(await pages.OngoingTableAsync(cancellationToken), "ongoing-requirements.csv");

    [HttpGet("reports/exceptions.csv")]
    public async Task<IActionResult> ExceptionsCsv(CancellationToken cancellationToken) =>
        Csv(await pages.AllExceptionsAsync(cancellationToken), "exceptions.csv");

    [HttpGet("reports/roster-reach")]
    public async Task<IActionResult> RosterReach(CancellationToken cancellationToken) =>
        View("Report", await pages.ReachAsync(cancellationToken));

    [HttpGet("reports/roster-reach.csv")]
    public async Task<IActionResult> RosterReachCsv(CancellationToken cancellationToken) =>
        Csv((await pages.ReachAsync(cancellationToken)).Sections[0].Table, "roster-reach.csv");

    [HttpGet("reports/payments")]
    public async Task<IActionResult> Payments(int? year, CancellationToken cancellationToken) =>
        View("Report", await pages.PaymentsAsync(year, cancellationToken));

    [HttpGet("reports/payments.csv")]
    public async Task<IActionResult> PaymentsCsv(int? year, CancellationToken cancellationToken)
    {
        var report = await pages.PaymentsAsync(year, cancellationToken);
        return Csv(report.Sections[0].Table, $"payments-{report.Year!.StartYear}.csv");
    }

    [HttpGet("reports/seven-keys")]
    public async Task<IActionResult> SevenKeys(int? year, CancellationToken cancellationToken) =>
        View("Report", await pages.SevenKeysAsync(year, cancellationToken));

    [HttpGet("reports/seven-keys.csv")]
    public async Task<IActionResult> SevenKeysCsv(int? year, CancellationToken cancellationToken)
    {
        var report = await pages.SevenKeysAsync(year, cancellationToken);
        return Csv(report.Sections[0].Table, $"seven-keys-{report.Year!.StartYear}.csv");
    }

    [HttpGet("reports/you-said-we-did")]
    public async Task<IActionResult> YouSaidWeDid(int? year, CancellationToken cancellationToken) =>
        View("Report", await pages.YouSaidWeDidAsync(year, cancellationToken));

    [HttpGet("reports/you-said-we-did.csv")]
    public async Task<IActionResult> YouSaidWeDidCsv(int? year, CancellationToken cancellationToken)
    {
        var report = await pages.YouSaidWeDidAsync(year, cancellationToken);
        return Csv(report.Sections[0].Table, $"you-said-we-did-{report.Year!.StartYear}.csv");
    }

    /// <summary>The table as a CSV download. Reports hold no personal details, but they are not for a shared cache either.</summary>
    private FileContentResult Csv(ReportTable table, string fileName)
    {
        Response.Headers.CacheControl = "no-store";
        return File(table.ToCsv(), "text/csv", fileName);
    }
}
