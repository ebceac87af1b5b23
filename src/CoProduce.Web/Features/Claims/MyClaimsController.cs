using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Claims;

/// <summary>An expert's own claims: only ever their own (anyone else's is not found).</summary>
[Authorize(Policy = Policies.ExpertSelfService)]
[Route("my-payments/claims")]
public sealed class MyClaimsController(ClaimService claims, ClaimPages pages, UserManager<Data.CoProduceUser> users)
    : ClaimsControllerBase(claims, pages, users)
{
    protected override ClaimActor Actor => ClaimActor.Claimant(Me);
}
