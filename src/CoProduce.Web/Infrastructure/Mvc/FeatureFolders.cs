using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;

namespace CoProduce.Web.Infrastructure.Mvc;

/// <summary>
/// Controllers live in Features/&lt;Feature&gt;/ with their views. The convention records each
/// controller's feature folder (from its namespace); the expander looks for views there.
/// </summary>
internal sealed class FeatureFolderConvention : IControllerModelConvention
{
    public const string FeatureKey = "feature";

    public void Apply(ControllerModel controller)
    {
        var ns = controller.ControllerType.Namespace ?? string.Empty;
        var parts = ns.Split('.');
        var index = Array.IndexOf(parts, "Features");
        controller.Properties[FeatureKey] = index >= 0 && index + 1 < parts.Length ? parts[index + 1] : "Shared";
    }
}

internal sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor.Properties.TryGetValue(FeatureFolderConvention.FeatureKey, out var feature))
        {
            context.Values[FeatureFolderConvention.FeatureKey] = feature as string;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureFolderConvention.FeatureKey, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }
        yield return "/Features/Shared/{0}.cshtml";
    }
}
