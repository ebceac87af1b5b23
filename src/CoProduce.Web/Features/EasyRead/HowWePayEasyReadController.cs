using CoProduce.Web.Features.EasyRead.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.EasyRead;

/// <summary>How we pay you, in easy read: a page and its PDF, for anyone, from what /how-we-pay shows.</summary>
[AllowAnonymous]
public sealed class HowWePayEasyReadController(HowWePayDocument howWePay, EasyReadOutput output) : Controller
{
    public const string Path = "/how-we-pay/easy-read";

    [HttpGet(Path)]
    public async Task<IActionResult> Page(CancellationToken cancellationToken) =>
        View(EasyReadOutput.PageView, output.Page(await howWePay.BuildAsync(EasyReadLanguage.English, cancellationToken), Path));

    [HttpGet(Path + ".pdf")]
    public async Task<IActionResult> Pdf(CancellationToken cancellationToken) =>
        await output.PdfResultAsync(this, await howWePay.BuildAsync(EasyReadLanguage.English, cancellationToken), Path, cancellationToken, isPublic: true);
}
