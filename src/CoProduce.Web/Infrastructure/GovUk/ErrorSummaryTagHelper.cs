using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.Web.Infrastructure.GovUk;

/// <summary>
/// &lt;govuk-error-summary /&gt;: the GOV.UK error summary, listing every ModelState error with a
/// link to its field. Renders nothing when there are no errors. Errors with no field (key "")
/// are listed without a link. Give a field's id in <see cref="FieldIds"/> where it is not
/// the model name (a group's first checkbox, for example).
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Model names mapped to the id of the element the summary link should focus.</summary>
    [HtmlAttributeName("field-ids")]
    public IDictionary<string, string> FieldIds { get; set; } = new Dictionary<string, string>();

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = new StringBuilder();
        foreach (var (key, entry) in InPageOrder(modelState))
        {
            foreach (var error in entry.Errors)
            {
                var message = GovUkFieldHelpers.Encode(error.ErrorMessage);
                if (string.IsNullOrEmpty(key))
                {
                    items.Append($"<li>{message}</li>");
                }
                else
                {
                    var id = FieldIds.TryGetValue(key, out var mapped) ? mapped : TagBuilder.CreateSanitizedId(key, "_");
                    items.Append($"<li><a href=\"#{id}\">{message}</a></li>");
                }
            }
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            "<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">" +
            items + "</ul></div></div>");
    }

    /// <summary>
    /// The Design System lists errors in the order the fields appear. ModelState does not keep
    /// that order, so errors are sorted by where their property is declared on the form model
    /// (form models declare their fields in page order), row numbers compared as numbers, and
    /// errors not about a field first.
    /// </summary>
    private IEnumerable<KeyValuePair<string, ModelStateEntry>> InPageOrder(ModelStateDictionary modelState) =>
        modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => new KeyValuePair<string, ModelStateEntry>(e.Key, e.Value!))
            .OrderBy(e => Position(e.Key), PositionComparer.Instance)
            .ThenBy(e => e.Key, StringComparer.Ordinal);

    /// <summary>"Requirements[2].DueBy" → [index of Requirements, 2, index of DueBy].</summary>
    private List<int> Position(string key)
    {
        var position = new List<int>();
        if (key.Length == 0)
        {
            return [-1];
        }
        var metadata = ViewContext.ViewData.ModelMetadata;
        foreach (var part in key.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var properties = metadata.Properties.ToList();
            var index = properties.FindIndex(p => string.Equals(p.PropertyName, name, StringComparison.OrdinalIgnoreCase));
            position.Add(index < 0 ? int.MaxValue : index);
            if (index < 0)
            {
                break;
            }
            metadata = properties[index];
            if (bracket >= 0 && int.TryParse(part[(bracket + 1)..].TrimEnd(']'), out var row))
            {
                position.Add(row);
                metadata = metadata.ElementMetadata ?? metadata;
            }
        }
        return position;
    }

    private sealed class PositionComparer : IComparer<List<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                var order = x[i].CompareTo(y[i]);
                if (order != 0)
                {
                    return order;
                }
            }
            return x.Count.CompareTo(y.Count);
        }
    }
}
