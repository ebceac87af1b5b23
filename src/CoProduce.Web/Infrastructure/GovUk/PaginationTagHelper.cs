using System.Text;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.Web.Infrastructure.GovUk;

/// <summary>
/// &lt;govuk-pagination paging="Model.Paging" label="Pages of the roster" link="Link" /&gt;: the
/// Design System's pagination, with Previous and Next, the first and last pages, the pages around
/// this one and ellipses for the rest. Nothing when there is only one page. <c>link</c> makes the
/// address of a page from its number, keeping the list's filters.
/// </summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PaginationTagHelper : TagHelper
{
    public Paging Paging { get; set; } = null!;

    /// <summary>The navigation's accessible name, like "Pages of the roster".</summary>
    public string Label { get; set; } = "Pages";

    public Func<int, string> Link { get; set; } = page => $"?page={page}";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Paging.PageCount <= 1)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-pagination");
        output.Attributes.SetAttribute("aria-label", Label);

        var html = new StringBuilder();
        if (Paging.Page > 1)
        {
            html.Append($"<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(Paging.Page - 1)}\" rel=\"prev\">")
                .Append("<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>")
                .Append("<span class=\"govuk-pagination__link-title\">Previous<span class=\"govuk-visually-hidden\"> page</span></span></a></div>");
        }
        html.Append("<ul class=\"govuk-pagination__list\">");
        foreach (var number in Paging.Numbers())
        {
            if (number is not { } page)
            {
                html.Append("<li class=\"govuk-pagination__item govuk-pagination__item--ellipses\">&ctdot;</li>");
            }
            else if (page == Paging.Page)
            {
                html.Append($"<li class=\"govuk-pagination__item govuk-pagination__item--current\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(page)}\" aria-label=\"Page {page}\" aria-current=\"page\">{page}</a></li>");
            }
            else
            {
                html.Append($"<li class=\"govuk-pagination__item\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(page)}\" aria-label=\"Page {page}\">{page}</a></li>");
            }
        }
        html.Append("</ul>");
        if (Paging.Page < Paging.PageCount)
        {
            html.Append($"<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(Paging.Page + 1)}\" rel=\"next\">")
                .Append("<span class=\"govuk-pagination__link-title\">Next<span class=\"govuk-visually-hidden\"> page</span></span>")
                .Append("<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg></a></div>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }

    private string Href(int page) => GovUkFieldHelpers.Encode(Link(page));
}
