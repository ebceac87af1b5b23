using System.Collections;
using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.Web.Infrastructure.GovUk;

/// <summary>
/// &lt;govuk-checkboxes for="Roles" legend="…" items="…" /&gt; and &lt;govuk-radios …/&gt;: a GOV.UK
/// fieldset with a legend, hint, error and one checkbox or radio per item. The first option's
/// id is the field's id, so that the error summary link lands on it.
/// </summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public ModelExpression For { get; set; } = null!;

    public string Legend { get; set; } = string.Empty;

    public bool LegendIsPageHeading { get; set; }

    public string? Hint { get; set; }

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Show radios side by side (for two short options such as Yes and No).</summary>
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var isRadios = context.TagName == "govuk-radios";
        var kind = isRadios ? "radios" : "checkboxes";
        var id = GovUkFieldHelpers.IdFor(For);
        var name = For.Name;
        var error = GovUkFieldHelpers.FirstError(ViewContext, name);
        var selected = SelectedValues();

        var describedBy = new List<string>();
        var inner = new StringBuilder();
        if (!string.IsNullOrEmpty(Hint))
        {
            inner.Append(GovUkFieldHelpers.HintHtml(id, Hint));
            describedBy.Add($"{id}-hint");
        }
        if (error is not null)
        {
            inner.Append(GovUkFieldHelpers.ErrorMessageHtml(id, error));
            describedBy.Add($"{id}-error");
        }

        inner.Append($"<div class=\"govuk-{kind}{(Inline ? $" govuk-{kind}--inline" : string.Empty)}\" data-module=\"govuk-{kind}\">");
        var index = 0;
        foreach (var item in Items)
        {
            var itemId = index == 0 ? id : $"{id}-{index + 1}";
            var isChecked = selected.Contains(item.Value) ? " checked" : string.Empty;
            inner.Append($"<div class=\"govuk-{kind}__item\">")
                .Append($"<input class=\"govuk-{kind}__input\" id=\"{itemId}\" name=\"{GovUkFieldHelpers.Encode(name)}\" type=\"{(isRadios ? "radio" : "checkbox")}\" value=\"{GovUkFieldHelpers.Encode(item.Value)}\"{isChecked}>")
                .Append($"<label class=\"govuk-label govuk-{kind}__label\" for=\"{itemId}\">{GovUkFieldHelpers.Encode(item.Text)}</label>")
                .Append("</div>");
            index++;
        }
        inner.Append("</div>");

        var legendClass = LegendIsPageHeading ? "govuk-fieldset__legend govuk-fieldset__legend--l" : "govuk-fieldset__legend govuk-fieldset__legend--s";
        var legend = LegendIsPageHeading
            ? $"<legend class=\"{legendClass}\"><h1 class=\"govuk-fieldset__heading\">{GovUkFieldHelpers.Encode(Legend)}</h1></legend>"
            : $"<legend class=\"{legendClass}\">{GovUkFieldHelpers.Encode(Legend)}</legend>";
        var describedByAttribute = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : string.Empty;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent($"<fieldset class=\"govuk-fieldset\"{describedByAttribute}>{legend}{inner}</fieldset>");
    }

    private HashSet<string> SelectedValues()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string single => [single],
                IEnumerable many => many.Cast<object?>().Select(v => v?.ToString() ?? string.Empty).ToHashSet(),
                var other => [other.ToString() ?? string.Empty],
            };
        }
        return For.Model switch
        {
            null => [],
            string single => [single],
            IEnumerable many => many.Cast<object?>().Select(v => v?.ToString() ?? string.Empty).ToHashSet(),
            bool flag => [flag ? "true" : "false"],
            var other => [other.ToString() ?? string.Empty],
        };
    }
}
