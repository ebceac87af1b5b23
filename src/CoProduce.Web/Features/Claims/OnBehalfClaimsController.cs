using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Claims;

/// <summary>
/// An organiser making and sending a claim for someone who cannot do it themselves (they have no
/// email, say). Only claims <see cref="ClaimRules.OrganiserMayActFor"/> allows; every step is in
/// the claim's history under the organiser's name, so they can never approve it.
/// </summary>
[Authorize(Policy = Policies.ProjectsEdit)]
[Route("manage/claims")]
public sealed class OnBehalfClaimsController(ClaimService claims, ClaimPages pages, UserManager<Data.CoProduceUser> users)
    : ClaimsControllerBase(claims, pages, users)
{
    private readonly ClaimService _claims = claims;

    protected override ClaimActor Actor => ClaimActor.Organiser(Me);

    /// <summary>
    /// "Make a claim for this person": a second click, a form sent twice or a claim already made
    /// when attendance was recorded all end on the one claim for this attendance.
    /// </summary>
    [HttpPost("~/manage/activities/{activityId:int}/sign-ups/{signUpId:int}/claim")]
    [SubmitOnce]
    public async Task<IActionResult> MakeOnBehalf(int activityId, int signUpId, CancellationToken cancellationToken)
    {
        try
        {
            var id = await _claims.MakeOnBehalfAsync(activityId, signUpId, Me, cancellationToken);
            return Redirect($"{ClaimPages.OrganiserPath}/{id}");
        }
        catch (ClaimNotFoundException)
        {
            return NotFound();
        }
        catch (PaymentRuleException)
        {
            // Only a crafted request gets here: the button shows only for someone with a place.
            return BadRequest();
        }
    }
}
