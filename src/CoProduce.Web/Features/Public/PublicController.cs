using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Public;

/// <summary>Pages anyone may read without signing in.</summary>
[AllowAnonymous]
public sealed class PublicController : Controller
{
    [HttpGet("accessibility-statement")]
    public IActionResult AccessibilityStatement() => View();

    [HttpGet("privacy")]
    public IActionResult Privacy() => View();

    [HttpGet("cookies")]
    public IActionResult Cookies() => View();
}
