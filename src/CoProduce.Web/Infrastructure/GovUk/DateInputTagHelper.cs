using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.Web.Infrastructure.GovUk;

/// <summary>The three numbers of a GOV.UK date input, as typed. Validators turn them into a date.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public DateOnly? ToDate() =>
        int.TryParse(Day, out var d) && int.TryParse(Month, out var m) && int.TryParse(Year, out var y)
        && y is >= 1900 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    public static DateParts From(DateOnly date) => new() { Day = date.Day.ToString(), Month = date.Month.ToString(), Year = date.Year.ToString() };
}

/// <summary>
/// &lt;govuk-date-input for="DoneOn" legend="…" hint="For example, 27 3 2026" /&gt;: day, month and
/// year boxes in a fieldset, as the GOV.UK Design System shows them. The day box carries the
/// field's id, so that the error summary link lands on it.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public ModelExpression For { get; set; } = null!;

    public string Legend { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = GovUkFieldHelpers.IdFor(For);
        var name = For.Name;
        var error = GovUkFieldHelpers.FirstError(ViewContext, name);
        var parts = For.Model as DateParts ?? new DateParts();
        var describedBy = new List<string>();
        var html = new StringBuilder();
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
        html.Append($"<div class=\"govuk-date-input\" id=\"{id}-parts\">");
        foreach (var (part, label, width, value) in new[]
        {
            ("Day", "Day", 2, parts.Day),
            ("Month", "Month", 2, parts.Month),
            ("Year", "Year", 4, parts.Year),
        })
        {
            var partId = part == "Day" ? id : $"{id}-{part.ToLowerInvariant()}";
            var shown = GovUkFieldHelpers.AttemptedOrModelValue(ViewContext, $"{name}.{part}") ?? value;
            var classes = $"govuk-input govuk-date-input__input govuk-input--width-{width}{(error is not null ? " govuk-input--error" : string.Empty)}";
            html.Append("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">")
                .Append($"<label class=\"govuk-label govuk-date-input__label\" for=\"{partId}\">{label}</label>")
                .Append($"<input class=\"{classes}\" id=\"{partId}\" name=\"{GovUkFieldHelpers.Encode(name)}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{GovUkFieldHelpers.Encode(shown)}\">")
                .Append("</div></div>");
        }
        html.Append("</div>");

        var describedByAttribute = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : string.Empty;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\" role=\"group\"{describedByAttribute}>" +
            $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{GovUkFieldHelpers.Encode(Legend)}</legend>{html}</fieldset>");
    }
}
