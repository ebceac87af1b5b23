using System.Security.Claims;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Infrastructure.GovUk;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.Web.Features.Audit;

/// <summary>
/// &lt;app-history-link subject="AuditSubject.Project(Model.Id)" of="this project" /&gt;: "See the full
/// history" of a record, in the audit log. Shown only to people the audit log admits; hiding the
/// link is a courtesy, the log's own policy is what keeps others out.
/// </summary>
[HtmlTargetElement("app-history-link", TagStructure = TagStructure.WithoutEndTag)]
public sealed class HistoryLinkTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public AuditSubject Subject { get; set; }

    /// <summary>What the record is, for people who hear the link out of context: "this project".</summary>
    public string Of { get; set; } = "this record";

    /// <summary>True when the person may read the audit log, by the same table the policy is built from.</summary>
    public static bool MayRead(ClaimsPrincipal user) => Policies.RolesByPolicy[Policies.AuditView].Any(user.IsInRole);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!MayRead(ViewContext.HttpContext.User))
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-body");
        output.Content.SetHtmlContent(
            $"<a class=\"govuk-link\" href=\"{GovUkFieldHelpers.Encode(AuditText.HistoryOf(Subject))}\">See the full history" +
            $"<span class=\"govuk-visually-hidden\"> of {GovUkFieldHelpers.Encode(Of)}</span></a>");
    }
}
