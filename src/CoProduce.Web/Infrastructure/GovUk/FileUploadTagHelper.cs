using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.Web.Infrastructure.GovUk;

/// <summary>&lt;govuk-file-upload for="Attachment" label="…" hint="…" accept=".pdf,.docx" /&gt;.</summary>
[HtmlTargetElement("govuk-file-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FileUploadTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public string? Accept { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = GovUkFieldHelpers.IdFor(For);
        var error = GovUkFieldHelpers.FirstError(ViewContext, For.Name);
        var describedBy = new List<string>();
        var html = $"<label class=\"govuk-label\" for=\"{id}\">{GovUkFieldHelpers.Encode(Label)}</label>";
        if (!string.IsNullOrEmpty(Hint))
        {
            html += GovUkFieldHelpers.HintHtml(id, Hint);
            describedBy.Add($"{id}-hint");
        }
        if (error is not null)
        {
            html += GovUkFieldHelpers.ErrorMessageHtml(id, error);
            describedBy.Add($"{id}-error");
        }
        var aria = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : string.Empty;
        var accept = string.IsNullOrEmpty(Accept) ? string.Empty : $" accept=\"{GovUkFieldHelpers.Encode(Accept)}\"";
        html += $"<input class=\"govuk-file-upload{(error is not null ? " govuk-file-upload--error" : string.Empty)}\" id=\"{id}\" name=\"{GovUkFieldHelpers.Encode(For.Name)}\" type=\"file\"{accept}{aria}>";

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(html);
    }
}
