using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Features.Commissioning;
using CoProduce.Web.Features.Ladder;

namespace CoProduce.UnitTests.Commissioning;

public class NextCycleAndLadderTextTests
{
    [Theory]
    [InlineData("Home care 2026", "Home care 2027")]
    [InlineData("Home care 2026 to 2028", "Home care 2027 to 2029")]
    [InlineData("2025/26 carers' breaks", "2026/27 carers' breaks")]
    [InlineData("Carers' breaks 2099-00", "Carers' breaks 2100-01")]
    [InlineData("Home care 2026-2028", "Home care 2027-2029")]
    [InlineData("Short breaks", "Short breaks (next cycle)")]
    [InlineData("  Short breaks  ", "Short breaks (next cycle)")]
    [InlineData("Route 66 buses", "Route 66 buses (next cycle)")]
    [InlineData("Phone 01632 960123", "Phone 01632 960123 (next cycle)")]
    [InlineData("Care in 1999", "Care in 2000")]
    public void Suggest_MovesTheYearOnOrSaysNextCycle(string title, string expected) =>
        Assert.Equal(expected, NextCycleTitle.Suggest(title));

    [Fact]
    public void Suggest_LongTitle_NeverLongerThanATitleMayBe()
    {
        var title = new string('a', CommissioningProject.TitleMaxLength);

        var suggested = NextCycleTitle.Suggest(title);

        Assert.Equal(CommissioningProject.TitleMaxLength, suggested.Length);
        Assert.EndsWith(NextCycleTitle.Suffix, suggested, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, false)]
    [InlineData(60, 0, 0, 100, 0, 0, true)]
    [InlineData(330, 150, 0, 69, 31, 0, true)] // 68.75 and 31.25: the spare per cent to the larger remainder
    [InlineData(1, 1, 1, 34, 33, 33, true)] // a three-way tie goes to the first, "doing with"
    [InlineData(0, 0, 45, 0, 0, 100, true)]
    public void Shares_WholePerCentsAddingTo100(int with, int forMinutes, int to, int expectedWith, int expectedFor, int expectedTo, bool involved) =>
        Assert.Equal(new Shares(expectedWith, expectedFor, expectedTo, involved), Shares.Of(with, forMinutes, to));

    [Theory]
    [InlineData(0, "0 hours", "0")]
    [InlineData(30, "0.5 hours", "0.5")]
    [InlineData(60, "1 hour", "1")]
    [InlineData(90, "1.5 hours", "1.5")]
    [InlineData(100, "1.7 hours", "1.7")]
    [InlineData(3, "0.1 hours", "0.1")] // 0.05 rounds up, away from zero
    [InlineData(480, "8 hours", "8")]
    public void Hours_OneDecimalPlace(int minutes, string words, string figure)
    {
        Assert.Equal(words, LadderText.Hours(minutes));
        Assert.Equal(figure, LadderText.Figure(minutes));
    }

    [Theory]
    [InlineData(0, "Ongoing: nothing recorded yet")]
    [InlineData(1, "Ongoing: recorded once")]
    [InlineData(3, "Ongoing: recorded 3 times")]
    public void RequirementTag_Ongoing_CountsWhatWasRecorded_NeverOutstandingOrOverdue(int evidence, string expected)
    {
        var rows = Enumerable.Range(0, evidence)
            .Select(i => new EvidenceRow(i, "Monitoring visit", new DateOnly(2026, 1, 1).AddMonths(3 * i), 2, string.Empty, "Sam", []))
            .ToList();
        var row = new RequirementRow("R8", "Contract monitoring", "Each quarter.", evidence == 0 ? RequirementStatus.Outstanding : RequirementStatus.Evidenced,
            IsRequired: true, IsOverdue: false, rows, []) { IsOngoing = true };

        Assert.Equal((expected, "govuk-tag--blue"), row.Tag);
        Assert.Equal(evidence == 0 ? null : new DateOnly(2026, 1, 1).AddMonths(3 * (evidence - 1)), row.LatestEvidenceOn);
    }
}
