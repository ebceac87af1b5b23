using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Features.EasyRead.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Feedback;

/// <summary>
/// The public "you said, we did": projects whose latest publication is shown publicly, each
/// project's answers, and its easy-read version as a page and a PDF. No personal data at all.
/// A project whose latest publication is not public is not found.
/// </summary>
[AllowAnonymous]
public sealed class YouSaidWeDidController(YouSaidWeDidPages pages, YouSaidWeDidSource documents, EasyReadOutput output) : Controller
{
    [HttpGet("you-said-we-did")]
    public async Task<IActionResult> PublicIndex(int page = 1, CancellationToken cancellationToken = default) =>
        View(await pages.PublicListAsync(page, cancellationToken));

    [HttpGet("you-said-we-did/{id:int}")]
    public async Task<IActionResult> PublicShow(int id, CancellationToken cancellationToken) =>
        await pages.PublicProjectAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("you-said-we-did/{id:int}/easy-read")]
    public async Task<IActionResult> EasyRead(int id, CancellationToken cancellationToken) =>
        await documents.ForPublicAsync(id, EasyReadLanguage.English, cancellationToken) is { } document
            ? View(EasyReadOutput.PageView, output.Page(document, YouSaidWeDidPaths.PublicEasyRead(id)))
            : NotFound();

    [HttpGet("you-said-we-did/{id:int}/easy-read.pdf")]
    public async Task<IActionResult> EasyReadPdf(int id, CancellationToken cancellationToken) =>
        await documents.ForPublicAsync(id, EasyReadLanguage.English, cancellationToken) is { } document
            ? await output.PdfResultAsync(this, document, YouSaidWeDidPaths.PublicEasyRead(id), cancellationToken, isPublic: true)
            : NotFound();
}
