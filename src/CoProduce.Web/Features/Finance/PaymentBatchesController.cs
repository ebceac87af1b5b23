using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Finance;

/// <summary>
/// Paying approved claims: batches of bank transfers, their export for the council's payment
/// system, marking them paid, and vouchers issued. <see cref="PaymentBatchService"/> makes each
/// change; <see cref="BatchPages"/> reads each page.
/// </summary>
[Authorize(Policy = Policies.FinanceAccess)]
[Route("finance/batches")]
public sealed class PaymentBatchesController(BatchPages pages, PaymentBatchService batches, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int ready = 1, int bank = 1, int vouchers = 1, int owed = 1, int page = 1, CancellationToken cancellationToken = default) =>
        View("Batches", await pages.BatchesAsync(new BatchesPageRequest(ready, bank, vouchers, owed, page), cancellationToken));

    [HttpPost("")]
    [SubmitOnce]
    public async Task<IActionResult> Create(int? claims, long? pence, long? ids, CancellationToken cancellationToken)
    {
        var outcome = await batches.CreateAsync(Me, claims is { } count && pence is { } total ? new BatchSeen(count, Domain.Common.Money.FromPence(total), ids) : null, cancellationToken);
        if (outcome.BatchId is { } id)
        {
            TempData["Success"] = outcome.Message;
            return RedirectToAction(nameof(Show), new { id });
        }
        return await RefusedAsync(outcome.Refusal!, cancellationToken);
    }

    [HttpPost("claims/{id:int}/paid")]
    public async Task<IActionResult> PaidOutsideBatch(int id, CancellationToken cancellationToken)
    {
        var outcome = await batches.RecordPaidOutsideBatchAsync(id, Me, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return await RefusedAsync(refusal, cancellationToken);
        }
        TempData["Success"] = outcome.Message;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, int page = 1, CancellationToken cancellationToken = default) =>
        await pages.BatchAsync(id, page, Me, cancellationToken) is { } model ? View("Batch", model) : NotFound();

    /// <summary>The CSV for the payment system. It holds bank details, so no copy may be kept by a browser or proxy.</summary>
    [HttpGet("{id:int}/export")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Export(int id, CancellationToken cancellationToken)
    {
        var (file, refusal) = await batches.ExportAsync(id, Me, cancellationToken);
        if (file is not null)
        {
            return File(file.Content, "text/csv", file.FileName);
        }
        return await pages.BatchAsync(id, 1, Me, cancellationToken) is { } model ? ShowRefused(model, refusal!) : NotFound();
    }

    [HttpPost("{id:int}/paid")]
    public async Task<IActionResult> MarkPaid(int id, CancellationToken cancellationToken)
    {
        var outcome = await batches.MarkPaidAsync(id, Me, cancellationToken);
        if (outcome.BatchId is not null)
        {
            TempData["Success"] = outcome.Message;
            return RedirectToAction(nameof(Show), new { id });
        }
        return await pages.BatchAsync(id, 1, Me, cancellationToken) is { } model ? ShowRefused(model, outcome.Refusal!) : NotFound();
    }

    private async Task<IActionResult> RefusedAsync(string refusal, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, refusal);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Batches", await pages.BatchesAsync(new BatchesPageRequest(), cancellationToken));
    }

    private ViewResult ShowRefused(BatchPage model, string refusal)
    {
        ModelState.AddModelError(string.Empty, refusal);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Batch", model);
    }
}
