using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.Web.Infrastructure.GovUk;

/// <summary>&lt;govuk-select for="DueBy" label="…" items="…" /&gt;: a GOV.UK select with label, hint and error.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = GovUkFieldHelpers.IdFor(For);
        var error = GovUkFieldHelpers.FirstError(ViewContext, For.Name);
        var selected = GovUkFieldHelpers.AttemptedOrModelValue(ViewContext, For);
        var describedBy = new List<string>();
        var html = new StringBuilder($"<label class=\"govuk-label\" for=\"{id}\">{GovUkFieldHelpers.Encode(Label)}</label>");
        if (!string.IsNullOrEmpty(Hint))
        {
            html.Append(GovUkFieldHelpers.HintHtml(id, Hint));
            describedBy.Add($"{id}-hint");
        }
        if (error is not null)
        {
            html.Append(GovUkFieldHelpers.ErrorMessageHtml(id, error));
            describedBy.Add($"{id}-error");
        }
        var aria = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : string.Empty;
        html.Append($"<select class=\"govuk-select{(error is not null ? " govuk-select--error" : string.Empty)}\" id=\"{id}\" name=\"{GovUkFieldHelpers.Encode(For.Name)}\"{aria}>");
        foreach (var item in Items)
        {
            var isSelected = string.Equals(item.Value, selected, StringComparison.Ordinal) ? " selected" : string.Empty;
            html.Append($"<option value=\"{GovUkFieldHelpers.Encode(item.Value)}\"{isSelected}>{GovUkFieldHelpers.Encode(item.Text)}</option>");
        }
        html.Append("</select>");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(html.ToString());
    }
}
