using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.Web.Infrastructure.GovUk;

/// <summary>
/// &lt;govuk-input for="Email" label="Email address" hint="…" type="email" autocomplete="email" /&gt;:
/// a GOV.UK text input with its label, hint and error message, following the Design System's HTML.
/// Also &lt;govuk-textarea …/&gt; for longer answers.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;

    /// <summary>Make the label the page's h1 (one question per page).</summary>
    public bool LabelIsPageHeading { get; set; }

    public string? Hint { get; set; }

    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public bool? Spellcheck { get; set; }

    public string? Inputmode { get; set; }

    /// <summary>A GOV.UK width class such as govuk-input--width-10 or govuk-!-width-one-half.</summary>
    public string? WidthClass { get; set; }

    /// <summary>Text shown before the input, such as "£".</summary>
    public string? Prefix { get; set; }

    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = GovUkFieldHelpers.IdFor(For);
        var name = For.Name;
        var error = GovUkFieldHelpers.FirstError(ViewContext, name);
        var value = GovUkFieldHelpers.AttemptedOrModelValue(ViewContext, For);
        var isTextarea = context.TagName == "govuk-textarea";

        var describedBy = new List<string>();
        var html = new StringBuilder();

        var label = $"<label class=\"govuk-label{(LabelIsPageHeading ? " govuk-label--l" : string.Empty)}\" for=\"{id}\">{GovUkFieldHelpers.Encode(Label)}</label>";
        html.Append(LabelIsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label);

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

        var classes = isTextarea ? "govuk-textarea" : "govuk-input";
        if (error is not null)
        {
            classes += isTextarea ? " govuk-textarea--error" : " govuk-input--error";
        }
        if (!string.IsNullOrEmpty(WidthClass))
        {
            classes += " " + WidthClass;
        }

        var attributes = new StringBuilder($"class=\"{classes}\" id=\"{id}\" name=\"{GovUkFieldHelpers.Encode(name)}\"");
        if (describedBy.Count > 0)
        {
            attributes.Append($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }
        if (!string.IsNullOrEmpty(Autocomplete))
        {
            attributes.Append($" autocomplete=\"{GovUkFieldHelpers.Encode(Autocomplete)}\"");
        }
        if (Spellcheck is { } spellcheck)
        {
            attributes.Append($" spellcheck=\"{(spellcheck ? "true" : "false")}\"");
        }
        if (!string.IsNullOrEmpty(Inputmode))
        {
            attributes.Append($" inputmode=\"{GovUkFieldHelpers.Encode(Inputmode)}\"");
        }

        if (isTextarea)
        {
            html.Append($"<textarea {attributes} rows=\"{Rows}\">{GovUkFieldHelpers.Encode(value)}</textarea>");
        }
        else
        {
            // Never echo a password back into the page.
            var shownValue = Type == "password" ? null : value;
            var input = $"<input {attributes} type=\"{GovUkFieldHelpers.Encode(Type)}\" value=\"{GovUkFieldHelpers.Encode(shownValue)}\">";
            html.Append(string.IsNullOrEmpty(Prefix)
                ? input
                : $"<div class=\"govuk-input__wrapper\"><div class=\"govuk-input__prefix\" aria-hidden=\"true\">{GovUkFieldHelpers.Encode(Prefix)}</div>{input}</div>");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(html.ToString());
    }
}
