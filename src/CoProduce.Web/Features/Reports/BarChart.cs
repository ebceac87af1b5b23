using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CoProduce.Web.Features.Reports;

/// <summary>One bar: its label, its size, and the figure written beside it (such as "12" or "£1,250").</summary>
public sealed record ChartBar(string Label, decimal Value, string ValueText);

/// <summary>
/// A horizontal bar chart, drawn on the server as SVG. It is an image with a text alternative: a
/// title and a description that state the main figures in words. The table beside it on the page
/// holds every figure. Each bar carries its label and its figure as text, so nothing depends on colour.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<ChartBar> Bars)
{
    public const int Width = 640;
    public const int LabelWidth = 200;
    public const int ValueWidth = 90;
    public const int BarHeight = 24;
    public const int Gap = 10;

    /// <summary>Longer labels are shortened in the drawing (the table has them whole).</summary>
    public const int LabelMaxLength = 22;

    /// <summary>The widest a bar may be: what is left after the label and the figure.</summary>
    public const int PlotWidth = Width - LabelWidth - ValueWidth;

    /// <summary>GOV.UK blue: 5.2 to 1 against white, and the figures are written in black beside the bars.</summary>
    public const string BarColour = "#1d70b8";

    public const string TextColour = "#0b0c0c";

    public int Height => Gap + (Bars.Count * (BarHeight + Gap));

    /// <summary>Each bar's length in the drawing: in proportion to the largest value; 0 when nothing is above 0.</summary>
    public IReadOnlyList<int> Lengths()
    {
        var max = Bars.Count == 0 ? 0m : Bars.Max(b => b.Value);
        return Bars.Select(b => max <= 0m || b.Value <= 0m ? 0 : (int)Math.Round(b.Value / max * PlotWidth, MidpointRounding.AwayFromZero)).ToList();
    }

    public string ToSvg()
    {
        var titleId = Id + "-title";
        var descId = Id + "-desc";
        var lengths = Lengths();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" id=\"{Escape(Id)}\" role=\"img\" aria-labelledby=\"{Escape(titleId)} {Escape(descId)}\" ")
            .Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" focusable=\"false\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{Escape(titleId)}\">{Escape(Title)}</title>")
            .Append(CultureInfo.InvariantCulture, $"<desc id=\"{Escape(descId)}\">{Escape(Description)}</desc>");
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var y = Gap + (i * (BarHeight + Gap));
            var middle = y + (BarHeight / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"app-chart__bar\">")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{middle}\" dominant-baseline=\"middle\" text-anchor=\"end\" fill=\"{TextColour}\" font-size=\"16\">{Escape(Shorten(bar.Label))}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{lengths[i]}\" height=\"{BarHeight}\" fill=\"{BarColour}\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + lengths[i] + 6}\" y=\"{middle}\" dominant-baseline=\"middle\" fill=\"{TextColour}\" font-size=\"16\" font-weight=\"bold\">{Escape(bar.ValueText)}</text>")
                .Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string Shorten(string label) =>
        label.Length <= LabelMaxLength ? label : string.Concat(label.AsSpan(0, LabelMaxLength - 1).TrimEnd(), "…");

    public IHtmlContent ToHtml() => new HtmlString(ToSvg());

    /// <summary>Text inside SVG (XML): the five characters that could end it or start markup.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);
}
