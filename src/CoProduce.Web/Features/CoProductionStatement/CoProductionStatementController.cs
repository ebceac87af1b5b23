using CoProduce.Web.Data;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Pdf;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.CoProductionStatement;

/// <summary>A project's co-production statement, as a page and as a tagged PDF printed from the same content.</summary>
[Authorize(Policy = Policies.ProjectsEdit)]
public sealed class CoProductionStatementController(CoProductionStatementPages pages, CoProductionStatementService statements, ViewRenderer views,
    IPdfPrinter printer, UserManager<CoProduceUser> users) : Controller
{
    public const string PrintView = "/Features/CoProductionStatement/Print.cshtml";

    [HttpGet("projects/{id:int}/statement")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await pages.ReadAsync(id, cancellationToken) is { } model ? View(new StatementPageModel(model, printer.IsAvailable)) : NotFound();

    /// <summary>The PDF, or a page saying it cannot be made now (503), never a server error.</summary>
    [HttpGet("projects/{id:int}/statement.pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken cancellationToken)
    {
        if (await pages.ReadAsync(id, cancellationToken) is not { } model)
        {
            return NotFound();
        }
        try
        {
            var html = await views.RenderAsync(PrintView, model, HttpContext);
            var pdf = await printer.PrintAsync(html, PdfFooter, cancellationToken);
            await statements.RecordDownloadAsync(id, users.GetUserId(User)!, cancellationToken);
            return File(pdf, "application/pdf", model.FileName);
        }
        catch (PdfUnavailableException)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
            return View(EasyReadOutput.UnavailableView, new PdfUnavailablePage(model.DocumentTitle, model.PageUrl));
        }
    }

    private const string PdfFooter =
        "<div style=\"width:100%;text-align:center;font-size:10pt;font-family:'DejaVu Sans',sans-serif;\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>";
}

/// <summary>The statement's page: the statement, and whether its PDF can be made now.</summary>
public sealed record StatementPageModel(CoProductionStatementModel Statement, bool PdfAvailable);
