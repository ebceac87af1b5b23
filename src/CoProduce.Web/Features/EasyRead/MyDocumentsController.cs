using CoProduce.Web.Data;
using CoProduce.Web.Features.EasyRead.Documents;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.EasyRead;

/// <summary>
/// A person's own easy-read documents about taking part: the invitation to an activity and their
/// bookings, each a page and its PDF. Every document is built for the signed-in person's own
/// profile, found from their account: an address naming an activity they have no sign-up for is
/// not found, whoever else's it is.
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class MyDocumentsController(InvitationDocument invitations, BookingsDocument bookings, EasyReadOutput output, UserManager<CoProduceUser> users)
    : Controller
{
    private const string InvitationRoute = "my-involvement/activities/{activityId:int}/invitation";

    private string Me => users.GetUserId(User)!;

    [HttpGet(InvitationRoute)]
    public async Task<IActionResult> Invitation(int activityId, CancellationToken cancellationToken) =>
        await invitations.ForAccountAsync(activityId, Me, EasyReadLanguage.English, cancellationToken) is { } document
            ? View(EasyReadOutput.PageView, output.Page(document, InvitationDocument.PagePath(activityId)))
            : NotFound();

    [HttpGet(InvitationRoute + ".pdf")]
    public async Task<IActionResult> InvitationPdf(int activityId, CancellationToken cancellationToken) =>
        await invitations.ForAccountAsync(activityId, Me, EasyReadLanguage.English, cancellationToken) is { } document
            ? await output.PdfResultAsync(this, document, InvitationDocument.PagePath(activityId), cancellationToken)
            : NotFound();

    [HttpGet(BookingsDocument.PagePath)]
    public async Task<IActionResult> Bookings(CancellationToken cancellationToken)
    {
        var document = await bookings.ForAccountAsync(Me, EasyReadLanguage.English, cancellationToken);
        return View(EasyReadOutput.PageView, output.Page(document, BookingsDocument.PagePath));
    }

    [HttpGet(BookingsDocument.PagePath + ".pdf")]
    public async Task<IActionResult> BookingsPdf(CancellationToken cancellationToken)
    {
        var document = await bookings.ForAccountAsync(Me, EasyReadLanguage.English, cancellationToken);
        return await output.PdfResultAsync(this, document, BookingsDocument.PagePath, cancellationToken);
    }
}
