using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// How the council pays people for their time and repays their expenses, in plain English, for
/// anyone to read before they sign up. It shows the rate card and expenses policy in force today.
/// </summary>
[AllowAnonymous]
public sealed class HowWePayController(PaymentPages pages) : Controller
{
    [HttpGet(PayText.HowWePayPath)]
    public async Task<IActionResult> HowWePay(CancellationToken cancellationToken) => View(await pages.HowWePayAsync(cancellationToken));
}
