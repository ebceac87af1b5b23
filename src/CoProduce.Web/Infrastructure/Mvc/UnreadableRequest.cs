using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CoProduce.Web.Infrastructure.Mvc;

/// <summary>
/// A request whose form cannot be read: a NUL byte or other malformed content, more fields than
/// allowed, a value or a body too large, or a body that stopped arriving. The answer is the
/// friendly "problem with the form" page with status 400, and a log line that says why.
/// </summary>
internal static partial class UnreadableRequest
{
    /// <summary>The exceptions ASP.NET Core throws when it cannot read a request's body or form.</summary>
    public static bool IsUnreadable(Exception? error) => error switch
    {
        null => false,
        // BadHttpRequestException is an IOException: a body too large, or one cut short.
        InvalidDataException or Microsoft.AspNetCore.Http.BadHttpRequestException => true,
        _ => IsUnreadable(error.InnerException),
    };

    public static void Log(ILogger logger, HttpContext context, string path, Exception error) =>
        LogUnreadable(logger, context.Request.Method, path, Reason(error), error);

    private static string Reason(Exception error) =>
        error is InvalidDataException or Microsoft.AspNetCore.Http.BadHttpRequestException || error.InnerException is null ? error.Message : Reason(error.InnerException);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Could not read the form sent to {Method} {Path}, so answered 400: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string method, string path, string reason, Exception error);
}

/// <summary>
/// Reads the form before anything else in MVC needs it (after the action's own form and size
/// limits, before the antiforgery check), so that a form that cannot be read gets the friendly
/// 400 page and a log line, rather than failing inside the antiforgery check or model binding.
/// </summary>
internal sealed class UnreadableFormFilter(ILogger<UnreadableFormFilter> logger) : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After [RequestFormLimits] and [RequestSizeLimit] (900), before the antiforgery check (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // The error pages re-run a failed request: its form is not read again.
        if (!http.Request.HasFormContentType
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return;
        }
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception error) when (UnreadableRequest.IsUnreadable(error))
        {
            UnreadableRequest.Log(logger, http, http.Request.Path, error);
            // The status code pages show the friendly page for it.
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }
}
