using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Features.EasyRead.Documents;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.EasyRead;

/// <summary>
/// An expert by experience's own payments for a tax year, in easy read: a page and its PDF. The
/// claims are those of the signed-in person's own profile, found from their account.
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class PaymentsEasyReadController(PaymentsDocument payments, EasyReadOutput output, UserManager<CoProduceUser> users) : Controller
{
    public const string Path = "/my-payments/easy-read";

    /// <summary>A year that is not a number, or not a tax year yet, shows this tax year.</summary>
    [HttpGet(Path)]
    public async Task<IActionResult> Page(string? year, CancellationToken cancellationToken)
    {
        var document = await payments.BuildAsync(users.GetUserId(User)!, Year(year), EasyReadLanguage.English, cancellationToken);
        return View(EasyReadOutput.PageView, output.Page(document, Path, Query(year)));
    }

    [HttpGet(Path + ".pdf")]
    public async Task<IActionResult> Pdf(string? year, CancellationToken cancellationToken)
    {
        var document = await payments.BuildAsync(users.GetUserId(User)!, Year(year), EasyReadLanguage.English, cancellationToken);
        return await output.PdfResultAsync(this, document, Query(year) is { } query ? $"{Path}?{query}" : Path, cancellationToken);
    }

    private static int? Year(string? year) => int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

    private static string? Query(string? year) => Year(year) is { } y ? "year=" + y.ToString(CultureInfo.InvariantCulture) : null;
}
