using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;

namespace CoProduce.UnitTests.Commissioning;

public class LadderOfCoProductionTests
{
    [Theory]
    [InlineData(LadderRung.Coercion, LadderGroup.DoingTo)]
    [InlineData(LadderRung.Educating, LadderGroup.DoingTo)]
    [InlineData(LadderRung.Informing, LadderGroup.DoingFor)]
    [InlineData(LadderRung.Consultation, LadderGroup.DoingFor)]
    [InlineData(LadderRung.Engagement, LadderGroup.DoingFor)]
    [InlineData(LadderRung.CoDesign, LadderGroup.DoingWith)]
    [InlineData(LadderRung.CoProduction, LadderGroup.DoingWith)]
    public void GroupOf_EachRung_IsInItsTlapGroup(LadderRung rung, LadderGroup expected) =>
        Assert.Equal(expected, LadderOfCoProduction.GroupOf(rung));

    [Fact]
    public void Summarise_HandComputedProject_SharesOfHours()
    {
        // A project: a co-design day (4 people x 240 min = 960), a co-production panel (2 x 180 = 360),
        // a consultation (6 x 90 = 540) and an information session (3 x 60 = 180). Total 2,040 minutes.
        // Doing with 1,320/2,040 = 64.705..%; doing for 720/2,040 = 35.294..%; doing to 0.
        // Whole per cents 64 + 35 = 99; the spare 1 goes to the larger remainder (doing with, .705).
        var summary = LadderOfCoProduction.Summarise(
        [
            new(LadderRung.CoDesign, 4, 4, 960),
            new(LadderRung.CoProduction, 2, 2, 360),
            new(LadderRung.Consultation, 6, 6, 540),
            new(LadderRung.Informing, 3, 3, 180),
        ]);

        Assert.Equal(65, summary.DoingWithPercent);
        Assert.Equal(35, summary.Group(LadderGroup.DoingFor).SharePercent);
        Assert.Equal(0, summary.Group(LadderGroup.DoingTo).SharePercent);
        Assert.Equal(1320, summary.Group(LadderGroup.DoingWith).Minutes);
        Assert.Equal(6, summary.Group(LadderGroup.DoingWith).Attendances);
        Assert.Equal(15, summary.Attendances);
        Assert.Equal(2040, summary.Minutes);
        Assert.Equal(LadderOfCoProduction.RungsTopDown, summary.Rungs.Select(r => r.Rung));
        Assert.Equal(new RungInvolvement(LadderRung.Engagement, 0, 0, 0), summary.Rungs.Single(r => r.Rung == LadderRung.Engagement));
    }

    [Fact]
    public void Summarise_RowsForTheSameRung_AreAdded()
    {
        var summary = LadderOfCoProduction.Summarise([new(LadderRung.CoDesign, 2, 3, 100), new(LadderRung.CoDesign, 1, 1, 50), new(LadderRung.Educating, 1, 1, 50)]);

        Assert.Equal(new RungInvolvement(LadderRung.CoDesign, 3, 4, 150), summary.Rungs.Single(r => r.Rung == LadderRung.CoDesign));
        Assert.Equal(75, summary.DoingWithPercent);
        Assert.Equal(25, summary.Group(LadderGroup.DoingTo).SharePercent);
    }

    [Fact]
    public void Summarise_NothingAttended_AllZeroAndNoInvolvement()
    {
        var summary = LadderOfCoProduction.Summarise([new(LadderRung.CoDesign, 0, 0, 0)]);

        Assert.False(summary.HasInvolvement);
        Assert.All(summary.Groups, g => Assert.Equal(0, g.SharePercent));
    }

    [Fact]
    public void Summarise_ThreeEqualGroups_StillAddsTo100()
    {
        // 33.33..% each: the spare per cent goes to the first group listed (doing with).
        var summary = LadderOfCoProduction.Summarise([new(LadderRung.CoDesign, 1, 1, 60), new(LadderRung.Engagement, 1, 1, 60), new(LadderRung.Coercion, 1, 1, 60)]);

        Assert.Equal([34, 33, 33], summary.Groups.Select(g => g.SharePercent));
        Assert.Equal(100, summary.Groups.Sum(g => g.SharePercent));
    }

    [Fact]
    public void Summarise_NegativeInvolvement_Throws() =>
        Assert.Throws<ArgumentException>(() => LadderOfCoProduction.Summarise([new(LadderRung.CoDesign, 1, 1, -5)]));

    public static TheoryData<int[], int[]> RemainderCases => new()
    {
        { [1, 1, 1], [34, 33, 33] },
        { [2, 1], [67, 33] },
        { [0, 0], [0, 0] },
        { [5], [100] },
        { [1, 0, 0], [100, 0, 0] },
        { [1, 1, 1, 1, 1, 1, 1], [15, 15, 14, 14, 14, 14, 14] },
        { [994, 6], [99, 1] },
        { [995, 5], [100, 0] }, // a tie of remainders goes to the earlier part
        { [999, 1], [100, 0] },
    };

    [Theory]
    [MemberData(nameof(RemainderCases))]
    public void LargestRemainder_AddsTo100(int[] parts, int[] expected) =>
        Assert.Equal(expected, Percentages.LargestRemainder(parts));

    [Theory]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 8, 13)]
    [InlineData(0, 0, 0)]
    [InlineData(5, 5, 100)]
    public void Of_RoundsHalfAwayFromZero(long part, long total, int expected) =>
        Assert.Equal(expected, Percentages.Of(part, total));
}
