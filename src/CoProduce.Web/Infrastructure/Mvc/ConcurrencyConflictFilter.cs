using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Infrastructure.Mvc;

/// <summary>
/// Two people saving the same record at the same moment: the second save is refused by the
/// concurrency token. Rather than a server error, they see what happened and what to do.
/// </summary>
internal sealed class ConcurrencyConflictFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not DbUpdateConcurrencyException)
        {
            return;
        }
        context.Result = new ViewResult
        {
            ViewName = "ConcurrencyConflict",
            StatusCode = StatusCodes.Status409Conflict,
        };
        context.ExceptionHandled = true;
    }
}
