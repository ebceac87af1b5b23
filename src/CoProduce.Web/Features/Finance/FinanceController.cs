using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Finance;

/// <summary>The finance officer's home. Claims and payment batches arrive with the payments feature.</summary>
[Authorize(Policy = Policies.FinanceAccess)]
public sealed class FinanceController : Controller
{
    [HttpGet("finance")]
    public IActionResult Index() => View();
}
