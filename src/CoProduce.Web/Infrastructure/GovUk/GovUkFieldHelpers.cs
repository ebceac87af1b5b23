using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CoProduce.Web.Infrastructure.GovUk;

/// <summary>Shared bits of the GOV.UK form components: ids, errors and encoding.</summary>
internal static class GovUkFieldHelpers
{
    public static string IdFor(ModelExpression expression) => TagBuilder.CreateSanitizedId(expression.Name, "_");

    public static string? FirstError(ViewContext viewContext, string name) =>
        viewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    /// <summary>What was posted for a field name, if the form is being re-shown.</summary>
    public static string? AttemptedOrModelValue(ViewContext viewContext, string name) =>
        viewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.AttemptedValue : null;

    /// <summary>The value to show in a field: what was posted if the form is being re-shown, else the model's.</summary>
    public static string? AttemptedOrModelValue(ViewContext viewContext, ModelExpression expression)
    {
        if (viewContext.ViewData.ModelState.TryGetValue(expression.Name, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }
        return expression.Model switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.CurrentCulture),
            var model => model.ToString(),
        };
    }

    public static string ErrorMessageHtml(string id, string error) =>
        $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(error)}</p>";

    public static string HintHtml(string id, string hint) =>
        $"<div id=\"{id}-hint\" class=\"govuk-hint\">{Encode(hint)}</div>";

    public static bool HasErrors(ModelStateDictionary modelState) => modelState.ErrorCount > 0;
}
