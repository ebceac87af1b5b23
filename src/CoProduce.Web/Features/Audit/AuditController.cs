using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Audit;

/// <summary>The audit log for co-production leads: read on screen, filtered and paged, or taken away as CSV.</summary>
[Authorize(Policy = Policies.AuditView)]
public sealed class AuditController(AuditPages pages, AuditLogService log, UserManager<CoProduceUser> users) : Controller
{
    private bool ReaderIsFinance => User.IsInRole(Roles.FinanceOfficer);

    [HttpGet("audit")]
    public async Task<IActionResult> Index(AuditFilter filter, CancellationToken cancellationToken) =>
        View(await pages.ListAsync(filter, ModelState.IsValid, ReaderIsFinance, cancellationToken));

    [HttpGet("audit.csv")]
    public async Task<IActionResult> Export(AuditFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await pages.ListAsync(filter, filtersValid: false, ReaderIsFinance, cancellationToken));
        }
        var query = filter.ToQuery();
        var upTo = await log.RecordExportAsync(query, users.GetUserId(User)!, cancellationToken);
        return new AuditCsvResult(pages, query, upTo);
    }
}

/// <summary>Streams the CSV to the response as the database reads it.</summary>
public sealed class AuditCsvResult(AuditPages pages, AuditQuery query, long upToId) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv";
        response.Headers.ContentDisposition = "attachment; filename=audit-log.csv";
        // The log names people: not for a shared cache.
        response.Headers.CacheControl = "no-store";
        await pages.WriteCsvAsync(query, upToId, response.Body, context.HttpContext.RequestAborted);
    }
}
