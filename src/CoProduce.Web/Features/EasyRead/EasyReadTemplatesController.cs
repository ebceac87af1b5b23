using CoProduce.Web.Data;
using CoProduce.Web.Features.EasyRead.Documents;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.EasyRead;

/// <summary>
/// The co-production lead's easy-read templates: when each was last checked with people with a
/// learning disability, a preview of each with made-up content, and a form to record a check.
/// </summary>
[Authorize(Policy = Policies.EasyReadManage)]
[Route("easy-read/templates")]
public sealed class EasyReadTemplatesController(EasyReadTemplatePages pages, EasyReadTemplateService templates, SampleDocuments samples,
    EasyReadOutput output, UserManager<CoProduceUser> users) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Templates(CancellationToken cancellationToken) => View(await pages.ListAsync(cancellationToken));

    [HttpGet("{kind}/check")]
    public async Task<IActionResult> RecordCheck(string kind, CancellationToken cancellationToken) =>
        EasyReadTemplateNames.FromSlug(kind) is { } k ? View(await pages.CheckAsync(k, new EasyReadCheckForm(), cancellationToken)) : NotFound();

    [HttpPost("{kind}/check")]
    public async Task<IActionResult> RecordCheck(string kind, EasyReadCheckForm form, CancellationToken cancellationToken)
    {
        if (EasyReadTemplateNames.FromSlug(kind) is not { } k)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var problems = await templates.RecordCheckAsync(k, form.CheckedOn.ToDate()!.Value, form.Activity!.Value, form.Note,
                users.GetUserId(User)!, cancellationToken);
            if (problems.Count == 0)
            {
                TempData["Success"] = $"Check recorded: {EasyReadTemplateNames.Name(k)}";
                return RedirectToAction(nameof(Templates));
            }
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(await pages.CheckAsync(k, form, cancellationToken));
    }

    [HttpGet("{kind}/sample")]
    public async Task<IActionResult> Sample(string kind, CancellationToken cancellationToken) =>
        EasyReadTemplateNames.FromSlug(kind) is { } k && await samples.BuildAsync(k, cancellationToken) is { } document
            ? View(EasyReadOutput.PageView, output.Page(document, SamplePath(kind)))
            : NotFound();

    [HttpGet("{kind}/sample.pdf")]
    public async Task<IActionResult> SamplePdf(string kind, CancellationToken cancellationToken) =>
        EasyReadTemplateNames.FromSlug(kind) is { } k && await samples.BuildAsync(k, cancellationToken) is { } document
            ? await output.PdfResultAsync(this, document, SamplePath(kind), cancellationToken)
            : NotFound();

    private static string SamplePath(string kind) => $"/easy-read/templates/{kind}/sample";
}
