using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.Web.Infrastructure.GovUk;

/// <summary>
/// &lt;govuk-summary-list&gt; with &lt;govuk-summary-row key="Name"&gt;value&lt;/govuk-summary-row&gt; rows.
/// A row may have a "Change" link: change-href="/profile/contact", with change-text naming the row
/// for screen readers (the key in lower case, unless given).
/// </summary>
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

    public string? ChangeHref { get; set; }

    /// <summary>Visually hidden words after "Change", so that the link makes sense on its own.</summary>
    public string? ChangeText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var value = await output.GetChildContentAsync();
        output.TagName = "div";
        output.Attributes.SetAttribute("class", "govuk-summary-list__row");
        var actions = string.Empty;
        if (!string.IsNullOrEmpty(ChangeHref))
        {
            var hidden = ChangeText ?? (Key.Length > 0 ? char.ToLowerInvariant(Key[0]) + Key[1..] : string.Empty);
            actions = $"<dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"{GovUkFieldHelpers.Encode(ChangeHref)}\">" +
                $"Change<span class=\"govuk-visually-hidden\"> {GovUkFieldHelpers.Encode(hidden)}</span></a></dd>";
        }
        output.Content.SetHtmlContent(
            $"<dt class=\"govuk-summary-list__key\">{GovUkFieldHelpers.Encode(Key)}</dt>" +
            $"<dd class=\"govuk-summary-list__value\">{value.GetContent()}</dd>" + actions);
    }
}
