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
        return await output.PdfResultAsync(this, document, Path + PageAndLanguage(page, lang), cancellationToken, isPublic: true);
    }

    private static string? PageQuery(int page) => page > 1 ? $"page={page}" : null;

    /// <summary>Back to the same page of the programme, in the same language.</summary>
    private static string PageAndLanguage(int page, string? lang)
    {
        var language = EasyReadLanguage.From(lang);
        var parts = new[] { PageQuery(page), language == EasyReadLanguage.English ? null : "lang=" + language.Code }.OfType<string>().ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
