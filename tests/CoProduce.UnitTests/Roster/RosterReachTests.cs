using CoProduce.Web.Domain.Roster;

namespace CoProduce.UnitTests.Roster;

public class RosterReachTests
{
    [Fact]
    public void Summarise_HandComputedRoster()
    {
        // 40 on the roster; 10 people involved with 20, 5, 3, 2, 2, 1, 1, 1, 1, 1 attendances (37 in all).
        // Reach 10/40 = 25%. The most involved tenth of 10 is 1 person: 20/37 = 54.05..% -> 54%.
        // Gini: sorted ascending 1,1,1,1,1,2,2,3,5,20; Σ(2i-n-1)x = -9-7-5-3-1+1*2+3*2+5*3+7*5+9*20 = 213;
        // 213 / (10 * 37) = 0.5756.. -> 0.58.
        var reach = RosterReach.Summarise(40, [20, 5, 3, 2, 2, 1, 1, 1, 1, 1]);

        Assert.Equal(40, reach.PeopleOnRoster);
        Assert.Equal(10, reach.PeopleInvolved);
        Assert.Equal(37, reach.Attendances);
        Assert.Equal(25, reach.ReachPercent);
        Assert.Equal(1, reach.MostInvolvedCount);
        Assert.Equal(20, reach.MostInvolvedAttendances);
        Assert.Equal(54, reach.MostInvolvedSharePercent);
        Assert.Equal(0.58m, reach.Gini);
        Assert.True(reach.IsConcentrated);
    }

    [Fact]
    public void Summarise_EveryoneEqual_GiniZeroAndNotConcentrated()
    {
        // 12 people, 2 each: the most involved tenth rounds up to 2 people, 4/24 = 16.66..% -> 17%.
        var reach = RosterReach.Summarise(12, Enumerable.Repeat(2, 12));

        Assert.Equal(100, reach.ReachPercent);
        Assert.Equal(2, reach.MostInvolvedCount);
        Assert.Equal(17, reach.MostInvolvedSharePercent);
        Assert.Equal(0m, reach.Gini);
        Assert.False(reach.IsConcentrated);
    }

    [Fact]
    public void Summarise_NobodyInvolved_AllZero()
    {
        var reach = RosterReach.Summarise(30, []);

        Assert.Equal(0, reach.PeopleInvolved);
        Assert.Equal(0, reach.ReachPercent);
        Assert.Equal(0, reach.MostInvolvedCount);
        Assert.Equal(0, reach.MostInvolvedSharePercent);
        Assert.Equal(0m, reach.Gini);
        Assert.False(reach.IsConcentrated);
    }

    [Fact]
    public void Summarise_OnePerson_TheyAreTheMostInvolvedButTooFewToCallConcentrated()
    {
        var reach = RosterReach.Summarise(0, [3]);

        // Someone who has since left the roster still counts: the roster is at least those involved.
        Assert.Equal(1, reach.PeopleOnRoster);
        Assert.Equal(100, reach.MostInvolvedSharePercent);
        Assert.Equal(0m, reach.Gini);
        Assert.False(reach.IsConcentrated);
    }

    [Fact]
    public void Summarise_TwoPeopleOneDidEverything_GiniHalf()
    {
        // Sorted 1, 9: Σ = (-1)*1 + (1)*9 = 8; 8 / (2 * 10) = 0.4.
        Assert.Equal(0.4m, RosterReach.Summarise(5, [9, 1]).Gini);
    }

    [Fact]
    public void Summarise_ElevenPeople_MostInvolvedTenthRoundsUpToTwo()
    {
        var reach = RosterReach.Summarise(100, [10, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

        Assert.Equal(2, reach.MostInvolvedCount);
        Assert.Equal(19, reach.MostInvolvedAttendances);
        Assert.Equal(68, reach.MostInvolvedSharePercent); // 19/28 = 67.857..%
        Assert.Equal(11, reach.ReachPercent);
    }

    [Fact]
    public void Summarise_AZeroCount_Throws() =>
        Assert.Throws<ArgumentException>(() => RosterReach.Summarise(5, [1, 0]));
}
