using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.UnitTests;

public sealed class ConcurrencyConflictFilterTests
{
    private static ExceptionContext Context(Exception exception) =>
        new(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()), []) { Exception = exception };

    [Fact]
    public void ConcurrencyException_BecomesConflictPage()
    {
        var context = Context(new DbUpdateConcurrencyException("stale"));

        new ConcurrencyConflictFilter().OnException(context);

        Assert.True(context.ExceptionHandled);
        var view = Assert.IsType<ViewResult>(context.Result);
        Assert.Equal(("ConcurrencyConflict", 409), (view.ViewName, view.StatusCode));
    }

    [Fact]
    public void OtherExceptions_AreLeftForTheErrorPage()
    {
        var context = Context(new InvalidOperationException("other"));

        new ConcurrencyConflictFilter().OnException(context);

        Assert.False(context.ExceptionHandled);
        Assert.Null(context.Result);
    }
}
