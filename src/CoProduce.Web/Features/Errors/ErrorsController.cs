using System.Diagnostics;
using System.Globalization;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
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
        if (failure is not null && UnreadableRequest.IsUnreadable(failure.Error))
        {
            // A request the server could not read is the sender's problem, not the service's.
            UnreadableRequest.Log(logger, HttpContext, failure.Path, failure.Error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("BadRequest");
        }
        if (failure is not null)
        {
            logger.LogError(failure.Error, "Unhandled error on {Path}; correlation id {CorrelationId}", failure.Path, correlationId);
        }
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("ServerError", correlationId);
    }

    /// <summary>
    /// The page for a status code with no page of its own. The code comes from the failed request
    /// (or the address), never from model binding: binding would read the failed request's form,
    /// and a form that could not be read the first time would leave the code 0.
    /// </summary>
    [Route("error/{statusCode:int}")]
    public IActionResult Status()
    {
        var statusCode = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (int.TryParse(RouteData.Values["statusCode"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var fromAddress) ? fromAddress : 0);
        if (statusCode is < 400 or > 599)
        {
            // Only errors have error pages: /error/0 or /error/200 is an address that does not exist.
            statusCode = StatusCodes.Status404NotFound;
        }
        Response.StatusCode = statusCode;
        return statusCode switch
        {
            StatusCodes.Status404NotFound => View("PageNotFound"),
            StatusCodes.Status400BadRequest => View("BadRequest"),
            StatusCodes.Status403Forbidden => View("../Account/AccessDenied"),
            StatusCodes.Status429TooManyRequests => View("TooManyAttempts", TooManyAttempts()),
            _ => View("ServerError", Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier),
        };
    }

    /// <summary>How long to wait (from the limiter's Retry-After) and where to go back to.</summary>
    private TooManyAttemptsPage TooManyAttempts()
    {
        var seconds = int.TryParse(Response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 60;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        var (backPath, backText) = RateLimitedRequest.WhereToGoBack(originalPath);
        return new TooManyAttemptsPage(RateLimitedRequest.MinutesToWait(TimeSpan.FromSeconds(seconds)), backPath, backText);
    }

    /// <summary>Every unknown address, signed in or not.</summary>
    public IActionResult PageNotFound()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("PageNotFound");
    }
}

/// <summary>The "Too many attempts" page: whole minutes to wait, and the page to go back to.</summary>
public sealed record TooManyAttemptsPage(int MinutesToWait, string BackPath, string BackText);
