using System.Xml.Linq;
using CoProduce.Web.Features.Reports;

namespace CoProduce.UnitTests.Reports;

public sealed class BarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static BarChart Chart(params (string Label, decimal Value)[] bars) =>
        new("chart", "Title", "Description", bars.Select(b => new ChartBar(b.Label, b.Value, b.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList());

    public static TheoryData<decimal[], int[]> Scaling => new()
    {
        // The largest bar fills the plot; the others are in proportion, rounded to whole units.
        { [10m, 5m, 0m], [BarChart.PlotWidth, BarChart.PlotWidth / 2, 0] },
        { [1m, 3m], [117, BarChart.PlotWidth] },
        { [0.5m, 1000m], [0, BarChart.PlotWidth] },
        // Nothing above zero: no bars at all, and no division by zero.
        { [0m, 0m], [0, 0] },
        // Below zero (money given back) draws no bar; the figure beside it says it.
        { [-5m, 10m], [0, BarChart.PlotWidth] },
        { [], [] },
    };

    [Theory]
    [MemberData(nameof(Scaling))]
    public void Lengths_AreInProportionToTheLargest(decimal[] values, int[] expected)
    {
        var chart = Chart([.. values.Select((v, i) => ($"Bar {i}", v))]);

        Assert.Equal(expected, chart.Lengths());
        var drawn = XDocument.Parse(chart.ToSvg()).Descendants(Svg + "rect").Select(r => int.Parse(r.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, drawn);
    }

    [Fact]
    public void Svg_IsAnImageLabelledByItsTitleAndDescription_WithEveryBarsLabelAndFigureAsText()
    {
        var chart = new BarChart("reach-chart", "Reach by area", "4 of 5 people were involved (80%).",
            [new("Carer", 50m, "50%"), new("Autism", 100m, "100%")]);

        var svg = XDocument.Parse(chart.ToSvg()).Root!;

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("reach-chart-title reach-chart-desc", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal("Reach by area", svg.Element(Svg + "title")!.Value);
        Assert.Equal("reach-chart-title", svg.Element(Svg + "title")!.Attribute("id")!.Value);
        Assert.Equal("4 of 5 people were involved (80%).", svg.Element(Svg + "desc")!.Value);
        Assert.Equal(["Carer", "50%", "Autism", "100%"], svg.Descendants(Svg + "text").Select(t => t.Value));
        Assert.Equal(BarChart.Gap + (2 * (BarChart.BarHeight + BarChart.Gap)), int.Parse(svg.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Text_IsEscaped_SoAProjectTitleCannotAddMarkup()
    {
        var hostile = "<script>alert('x')</script> & \"more\"";
        var chart = new BarChart("c\"id", hostile, hostile, [new(hostile, 1m, hostile)]);

        var svg = chart.ToSvg();

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        var parsed = XDocument.Parse(svg).Root!;
        Assert.Equal(hostile, parsed.Element(Svg + "title")!.Value);
        Assert.Equal(hostile, parsed.Element(Svg + "desc")!.Value);
        Assert.Equal("c\"id", parsed.Attribute("id")!.Value);
        // The label is shortened in the drawing (the table has it whole); the figure is not.
        Assert.Equal(BarChart.Shorten(hostile), parsed.Descendants(Svg + "text").First().Value);
        Assert.Equal(hostile, parsed.Descendants(Svg + "text").Last().Value);
    }

    [Theory]
    [InlineData("Carer", "Carer")]
    [InlineData("Exactly twenty-two chr", "Exactly twenty-two chr")]
    [InlineData("Community mental health peer support", "Community mental heal…")]
    public void Shorten_KeepsShortLabels_AndEndsLongOnesWithAnEllipsis(string label, string expected) =>
        Assert.Equal(expected, BarChart.Shorten(label));
}
