using CoProduce.Web.Data;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Features.EasyRead.Documents;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Feedback;

/// <summary>
/// "You said, we did" in easy read for the people who took part, always, whether or not it is on
/// the public page: someone who did not attend an activity of the project with feedback is not found.
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class MyYouSaidWeDidController(YouSaidWeDidSource documents, EasyReadOutput output, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("my-involvement/you-said-we-did/{id:int}")]
    public async Task<IActionResult> Page(int id, CancellationToken cancellationToken) =>
        await documents.ForAccountAsync(id, Me, EasyReadLanguage.English, cancellationToken) is { } document
            ? View(EasyReadOutput.PageView, output.Page(document, YouSaidWeDidPaths.Mine(id)))
            : NotFound();

    [HttpGet("my-involvement/you-said-we-did/{id:int}.pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken cancellationToken) =>
        await documents.ForAccountAsync(id, Me, EasyReadLanguage.English, cancellationToken) is { } document
            ? await output.PdfResultAsync(this, document, YouSaidWeDidPaths.Mine(id), cancellationToken)
            : NotFound();
}
