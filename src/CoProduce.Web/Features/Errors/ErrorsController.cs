using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Errors;

/// <summary>
/// Friendly error pages. A server error shows a correlation id that support can find in the
/// logs, never a stack trace. Any method may land here (the pipeline re-executes the request).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("error")]
    public IActionResult ServerError()
    {
        var correlationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null)
        {
            logger.LogError(failure.Error, "Unhandled error on {Path}; correlation id {CorrelationId}", failure.Path, correlationId);
        }
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("ServerError", correlationId);
    }

    [Route("error/{statusCode:int}")]
    public IActionResult Status(int statusCode)
    {
        Response.StatusCode = statusCode;
        return statusCode switch
        {
            StatusCodes.Status404NotFound => View("PageNotFound"),
            StatusCodes.Status400BadRequest => View("BadRequest"),
            StatusCodes.Status403Forbidden => View("../Account/AccessDenied"),
            _ => View("ServerError", Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier),
        };
    }

    /// <summary>Every unknown address, signed in or not.</summary>
    public IActionResult PageNotFound()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("PageNotFound");
    }
}
