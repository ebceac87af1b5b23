using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CoProduce.Web.Infrastructure.Mvc;

/// <summary>
/// Renders a Razor view to a string, in a request or outside one (the outbox sender, which
/// attaches easy-read PDFs to emails): the HTML that is printed to PDF is the page's own view.
/// </summary>
public sealed class ViewRenderer(IRazorViewEngine engine, ITempDataProvider tempData, IServiceProvider services)
{
    /// <param name="viewPath">The view's path from the project folder, such as "/Features/EasyRead/Print.cshtml".</param>
    public async Task<string> RenderAsync(string viewPath, object model, HttpContext? httpContext = null)
    {
        var http = httpContext ?? new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The view {viewPath} was not found.");
        }
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(actionContext, found.View, viewData, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
