using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.Web.Infrastructure.GovUk;

/// <summary>&lt;govuk-summary-list&gt; with &lt;govuk-summary-row key="Name"&gt;value&lt;/govuk-summary-row&gt; rows.</summary>
[HtmlTargetElement("govuk-summary-list")]
public sealed class SummaryListTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "dl";
        output.Attributes.SetAttribute("class", "govuk-summary-list");
    }
}

[HtmlTargetElement("govuk-summary-row", ParentTag = "govuk-summary-list")]
public sealed class SummaryRowTagHelper : TagHelper
{
    public string Key { get; set; } = string.Empty;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var value = await output.GetChildContentAsync();
        output.TagName = "div";
        output.Attributes.SetAttribute("class", "govuk-summary-list__row");
        output.Content.SetHtmlContent(
            $"<dt class=\"govuk-summary-list__key\">{GovUkFieldHelpers.Encode(Key)}</dt>" +
            $"<dd class=\"govuk-summary-list__value\">{value.GetContent()}</dd>");
    }
}
