using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Home;

/// <summary>The start page: what CoProduce is, or, once signed in, where each of your roles begins.</summary>
public sealed class HomeController : Controller
{
    [AllowAnonymous]
    [HttpGet("/")]
    public IActionResult Index()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return View("Start");
        }
        var roles = Roles.All.Where(User.IsInRole).ToList();
        return View(new HomeViewModel(User.DisplayName(), User.Identity.Name ?? string.Empty, roles));
    }
}

public sealed record HomeViewModel(string DisplayName, string Email, IReadOnlyList<string> Roles);
