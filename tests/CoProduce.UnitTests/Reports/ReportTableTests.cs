using System.Text;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Features.Reports;

namespace CoProduce.UnitTests.Reports;

public sealed class ReportTableTests
{
    [Fact]
    public void Csv_HoldsTheHeadingsRowsAndTotals_WithFiguresAsPlainNumbers()
    {
        var table = new ReportTable("Caption", [new("Month"), new("Claims", true), new("Paid", true), new("Share", true)],
            [[ReportCell.Of("May 2025"), ReportCell.Of(1250), ReportCell.Of(Money.FromPence(125_050)), ReportCell.Percent(80)]],
            [ReportCell.Of("Whole year"), ReportCell.Of(1250), ReportCell.Of(Money.FromPence(-500)), ReportCell.Percent(80)]);

        var csv = Encoding.UTF8.GetString(table.ToCsv());

        Assert.Equal("Month,Claims,Paid,Share\r\nMay 2025,1250,1250.50,80\r\nWhole year,1250,-5.00,80\r\n", csv);
        Assert.Equal(["May 2025", "1,250", "£1,250.50", "80%"], table.Rows[0].Select(c => c.Text));
    }

    public static TheoryData<string, string> Formulas => new()
    {
        { "=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"" },
        // An escaped field is quoted too.
        { "+44 1632", "\"'+44 1632\"" },
        { "-rm", "\"'-rm\"" },
        { "@SUM(A1)", "\"'@SUM(A1)\"" },
        { "Plain words", "Plain words" },
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public void Csv_EscapesTextThatStartsLikeAFormula(string text, string written)
    {
        var table = new ReportTable("Caption", [new("Reason")], [[ReportCell.Of(text)]]);

        var lines = Encoding.UTF8.GetString(table.ToCsv()).Split("\r\n");

        Assert.Equal(written, lines[1]);
    }

    [Theory]
    [InlineData(2, 0, 0, 0, 100)]
    [InlineData(2, 1, 1, 0, 50)]
    [InlineData(1, 2, 0, 5, 33)]
    [InlineData(0, 0, 1, 0, 0)]
    public void OnTime_IsOutOfTheItemsWhoseStageIsOver(int onTime, int late, int notMet, int notYet, int expected)
    {
        var counts = new Dictionary<DueOutcome, int> { [DueOutcome.OnTime] = onTime, [DueOutcome.Late] = late, [DueOutcome.NotMet] = notMet, [DueOutcome.NotYet] = notYet };

        Assert.Equal(expected, ReportPages.OnTimePercent(counts));
    }

    [Fact]
    public void OnTime_IsNone_WhileEveryItemIsStillOpen() =>
        Assert.Null(ReportPages.OnTimePercent(new Dictionary<DueOutcome, int> { [DueOutcome.NotYet] = 3 }));
}
