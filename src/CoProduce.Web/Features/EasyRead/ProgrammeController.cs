using CoProduce.Web.Features.EasyRead.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.EasyRead;

/// <summary>The public programme of activities open to sign up, in easy read: a page and its PDF, for anyone.</summary>
[AllowAnonymous]
public sealed class ProgrammeController(ProgrammeDocument programme, EasyReadOutput output) : Controller
{
    public const string Path = "/programme";

    [HttpGet(Path)]
    public async Task<IActionResult> Page(string? lang, int page = 1, CancellationToken cancellationToken = default)
    {
        var document = await programme.BuildAsync(EasyReadLanguage.From(lang), page, cancellationToken);
        return View(EasyReadOutput.PageView, output.Page(document, Path, PageQuery(page), translated: true));
    }

    [HttpGet(Path + ".pdf")]
    public async Task<IActionResult> Pdf(string? lang, int page = 1, CancellationToken cancellationToken = default)
    {
        var document = await programme.BuildAsync(EasyReadLanguage.From(lang), page, cancellationToken);
        return await output.PdfResultAsync(this, document, Path, cancellationToken);
    }

    private static string? PageQuery(int page) => page > 1 ? $"page={page}" : null;
}
