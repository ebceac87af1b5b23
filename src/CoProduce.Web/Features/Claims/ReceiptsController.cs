using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Claims;

/// <summary>
/// A claim's receipts, for the claimant, an organiser working on the claim for them, and finance.
/// Who may see one depends on the claim, so the check is in <see cref="ClaimPages.ReceiptAsync"/>;
/// anyone else is told there is no such receipt. Always a download, never shown in the page.
/// </summary>
[Authorize]
public sealed class ReceiptsController(ClaimPages pages, IAuthorizationService authorization, UserManager<Data.CoProduceUser> users) : Controller
{
    [HttpGet("claims/{id:int}/receipts/{number:int}")]
    public async Task<IActionResult> Download(int id, int number, CancellationToken cancellationToken)
    {
        var isFinance = (await authorization.AuthorizeAsync(User, Policies.FinanceAccess)).Succeeded;
        var isOrganiser = (await authorization.AuthorizeAsync(User, Policies.ProjectsEdit)).Succeeded;
        if (await pages.ReceiptAsync(id, number, users.GetUserId(User)!, isFinance, isOrganiser, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        // A file name makes it an attachment (Content-Disposition: attachment), never opened in the portal's origin.
        return File(file.Content, file.ContentType, file.FileName);
    }
}
