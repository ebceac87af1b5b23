using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Involvement;

/// <summary>An expert by experience's own home: their details and, later, their activities and payments.</summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class InvolvementController(UserManager<CoProduceUser> users) : Controller
{
    [HttpGet("my-involvement")]
    public async Task<IActionResult> Index()
    {
        var me = await users.GetUserAsync(User);
        if (me is null)
        {
            return Challenge();
        }
        return View(new InvolvementViewModel(me.DisplayName, me.Email ?? string.Empty));
    }
}

public sealed record InvolvementViewModel(string DisplayName, string Email);
